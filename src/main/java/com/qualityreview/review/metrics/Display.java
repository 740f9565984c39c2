package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Rounding for display only (reports, emails): percentages and indexes to 1 decimal, means to
 * 2 decimals, {@link RoundingMode#HALF_UP} (so −12.35 shows as −12.4: half-up rounds away from
 * zero). Computations never go through this class.
 */
public final class Display {

    private Display() {
    }

    /** Percentages (csat_satisfied_pct, complaint_rate_pct, ...) and NPS: 1 decimal. */
    public static BigDecimal percent(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    /** Indexes (quality_index): 1 decimal. */
    public static BigDecimal index(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    /** Means (csat_mean, SERVQUAL means, resolution hours, KPI values): 2 decimals. */
    public static BigDecimal mean(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    public static Optional<BigDecimal> percent(Optional<BigDecimal> value) {
        return value.map(Display::percent);
    }

    public static Optional<BigDecimal> index(Optional<BigDecimal> value) {
        return value.map(Display::index);
    }

    public static Optional<BigDecimal> mean(Optional<BigDecimal> value) {
        return value.map(Display::mean);
    }

    /** Plain text of an already rounded value, or {@code noData} (e.g. "–" or "") when empty. */
    public static String text(Optional<BigDecimal> rounded, String noData) {
        return rounded.map(BigDecimal::toPlainString).orElse(noData);
    }
}
