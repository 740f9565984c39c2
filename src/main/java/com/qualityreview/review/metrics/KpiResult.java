package com.qualityreview.review.metrics;

import com.qualityreview.review.KpiDefinition;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** A KPI's value for one scope and period (empty = no rows). */
public record KpiResult(KpiDefinition definition, Optional<BigDecimal> value) {

    public KpiResult {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(value, "value");
    }

    public String code() {
        return definition.code();
    }

    public boolean hasValue() {
        return value.isPresent();
    }

    /** Has a value and it meets the target (no value = not met). */
    public boolean met() {
        return value.map(definition::isMet).orElse(false);
    }

    /** Has a value and it misses the target by more than 20 % of the target. */
    public boolean missedBeyondTolerance() {
        return value.map(definition::isMissedBeyondTolerance).orElse(false);
    }
}
