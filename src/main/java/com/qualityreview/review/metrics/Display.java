package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Rounding for display only (reports, emails): percentages and indexes to 1 decimal, means to
 * 2 decimals, {@link RoundingMode#HALF_UP} (so −12.35 shows as −12.4: half-up rounds away from
 * zero). Computations never go through this class.
 *
 * <p>{@link #format} is the one way a number becomes text for a reader (reports, emails, warning
 * texts): rounded as above, with the locale's digits and grouping ({@code 12,345.6}).
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

    /** Decimals shown for counts (feedback rows, complaints, sites). */
    public static final int COUNT_DECIMALS = 0;
    /** Decimals shown for percentages, NPS and indexes. */
    public static final int PERCENT_DECIMALS = 1;
    /** Decimals shown for means (CSAT, SERVQUAL, resolution hours) and KPI values in other units. */
    public static final int MEAN_DECIMALS = 2;
    /** Decimals shown for correlations (key drivers' r and its interval). */
    public static final int CORRELATION_DECIMALS = 2;

    /**
     * {@code value} rounded half-up to {@code decimals}, in the locale's digits and grouping:
     * {@code 12,345.6} in en and zh-CN, {@code 12.345,6} in de.
     */
    public static String format(BigDecimal value, int decimals, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    /**
     * Decimals of a KPI's value and target by its unit: a percentage ({@code %}) shows 1, as every
     * percentage does; any other unit (min, h, k, ...) 2, as a mean does, since a KPI value is an
     * aggregate of measurements. Value and target get the same decimals so that they compare at a glance.
     */
    public static int kpiDecimals(String unit) {
        return isPercent(unit) ? PERCENT_DECIMALS : MEAN_DECIMALS;
    }

    /** A KPI value or target with its unit: {@code 5.0%}, {@code 11.65 min}, {@code 1,250.00 k}; no unit, the number alone. */
    public static String kpi(BigDecimal value, String unit, Locale locale) {
        return withUnit(format(value, kpiDecimals(unit), locale), unit);
    }

    /** A formatted number and its unit: {@code %} is written close ({@code 5.0%}), as in English and Chinese; other units after a space. */
    public static String withUnit(String number, String unit) {
        if (unit == null || unit.isBlank()) {
            return number;
        }
        return isPercent(unit) ? number + "%" : number + " " + unit.strip();
    }

    private static boolean isPercent(String unit) {
        return unit != null && unit.strip().equals("%");
    }

    /** Plain text of an already rounded value, or {@code noData} (e.g. "–" or "") when empty. */
    public static String text(Optional<BigDecimal> rounded, String noData) {
        return rounded.map(BigDecimal::toPlainString).orElse(noData);
    }
}
