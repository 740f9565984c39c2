package com.qualityreview.review.rating;

import com.qualityreview.review.metrics.ScopeFigures;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The numeric threshold keys a rating level may use. Besides the keys of the spec example
 * (min-quality-index, min-csat-mean, min-nps, max-complaint-rate-pct, min-audit-score-pct) the
 * scheme accepts the other headline metrics a user may naturally want to require:
 * min-csat-satisfied-pct, min-fcr-pct, max-resolution-hours-mean, min-audit-count (audits in the
 * period; 0 audits is a value, not "no data") and min-kpi-met-pct (the KPI component of the index).
 * The boolean all-kpis-met is handled by {@link RatingLevel#allKpisMet()}.
 * Each key has an allowed range so that a typo such as {@code min-csat-mean: 38} is rejected. Its
 * words are the reports' ({@code requirement.<key>} in the report bundles).
 */
public enum Threshold {
    MIN_QUALITY_INDEX("min-quality-index", Comparison.AT_LEAST, 0, 100, 1, ScopeFigures::qualityIndex),
    MIN_CSAT_MEAN("min-csat-mean", Comparison.AT_LEAST, 1, 5, 2, ScopeFigures::csatMean),
    MIN_CSAT_SATISFIED_PCT("min-csat-satisfied-pct", Comparison.AT_LEAST, 0, 100, 1,
            ScopeFigures::csatSatisfiedPct),
    MIN_NPS("min-nps", Comparison.AT_LEAST, -100, 100, 1, ScopeFigures::nps),
    MAX_COMPLAINT_RATE_PCT("max-complaint-rate-pct", Comparison.AT_MOST, 0, 100, 1,
            ScopeFigures::complaintRatePct),
    MIN_AUDIT_SCORE_PCT("min-audit-score-pct", Comparison.AT_LEAST, 0, 100, 1, ScopeFigures::auditScorePct),
    MIN_AUDIT_COUNT("min-audit-count", Comparison.AT_LEAST, 0, null, 0,
            f -> Optional.of(BigDecimal.valueOf(f.auditCount()))),
    MIN_FCR_PCT("min-fcr-pct", Comparison.AT_LEAST, 0, 100, 1, ScopeFigures::fcrPct),
    MAX_RESOLUTION_HOURS_MEAN("max-resolution-hours-mean", Comparison.AT_MOST, 0, null, 2,
            ScopeFigures::resolutionHoursMean),
    MIN_KPI_MET_PCT("min-kpi-met-pct", Comparison.AT_LEAST, 0, 100, 1, ScopeFigures::kpiMetPct);

    /** The boolean key, handled separately from the numeric ones. */
    public static final String ALL_KPIS_MET_KEY = "all-kpis-met";

    private final String key;
    private final Comparison comparison;
    private final BigDecimal lowest;
    private final BigDecimal highest;
    private final int displayDecimals;
    private final Function<ScopeFigures, Optional<BigDecimal>> metric;

    Threshold(String key, Comparison comparison, int lowest, Integer highest, int displayDecimals,
              Function<ScopeFigures, Optional<BigDecimal>> metric) {
        this.key = key;
        this.comparison = comparison;
        this.lowest = BigDecimal.valueOf(lowest);
        this.highest = highest == null ? null : BigDecimal.valueOf(highest);
        this.displayDecimals = displayDecimals;
        this.metric = metric;
    }

    public String key() {
        return key;
    }

    public Comparison comparison() {
        return comparison;
    }

    /** Smallest allowed threshold value. */
    public BigDecimal lowest() {
        return lowest;
    }

    /** Largest allowed threshold value, or null when unbounded. */
    public BigDecimal highest() {
        return highest;
    }

    public int displayDecimals() {
        return displayDecimals;
    }

    public Optional<BigDecimal> actual(ScopeFigures figures) {
        return metric.apply(figures);
    }

    /** No data never meets a threshold; a value exactly at the threshold meets it. */
    public boolean isMet(Optional<BigDecimal> actual, BigDecimal required) {
        return actual.map(a -> comparison == Comparison.AT_LEAST ? a.compareTo(required) >= 0 : a.compareTo(required) <= 0)
                .orElse(false);
    }

    public static Optional<Threshold> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
