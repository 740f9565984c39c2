package com.qualityreview.review;

import com.qualityreview.review.KpiAggregation;
import com.qualityreview.review.KpiDirection;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A KPI (reference data).
 *
 * <p>"Missed its target by more than 20 % of the target" is read as a distance measured in
 * units of |target|: HIGHER_BETTER misses badly when value &lt; target − 0.2 × |target|,
 * LOWER_BETTER when value &gt; target + 0.2 × |target|. Using |target| keeps the rule pointing
 * the right way for negative targets; with a target of 0 every miss counts as more than 20 %.
 * A value exactly 20 % off is not a KPI_MISS.
 */
public record KpiDefinition(String code, String name, String unit, KpiDirection direction, BigDecimal target,
                            KpiAggregation aggregation) implements Serializable {

    /** The tolerance of the KPI_MISS warning: 20 % of |target|. */
    public static final BigDecimal MISS_TOLERANCE = new BigDecimal("0.2");

    public KpiDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(direction, "direction of " + code);
        Objects.requireNonNull(target, "target of " + code);
        Objects.requireNonNull(aggregation, "aggregation of " + code);
    }

    /** value ≥ target (HIGHER_BETTER) or value ≤ target (LOWER_BETTER). */
    public boolean isMet(BigDecimal value) {
        int c = value.compareTo(target);
        return direction == KpiDirection.HIGHER_BETTER ? c >= 0 : c <= 0;
    }

    /** Missed by more than 20 % of |target| (see the class comment). */
    public boolean isMissedBeyondTolerance(BigDecimal value) {
        BigDecimal margin = target.abs().multiply(MISS_TOLERANCE);
        return direction == KpiDirection.HIGHER_BETTER
                ? value.compareTo(target.subtract(margin)) < 0
                : value.compareTo(target.add(margin)) > 0;
    }
}
