package com.qualityreview.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything a finished review holds, as the reports read it: the organisation, its regions and
 * sites, each with its figures of the period and the previous period, and its details. "No data"
 * is null here (report templates print it as such).
 *
 * @param fairRanking every site in fair-ranking order (docs/review.md, Fair ranking), those without
 *        any CSAT answer last; empty for a review stored before the fair ranking
 */
public record ReviewResult(Period period, int revision, ZoneId zone, OffsetDateTime finishedAt, Scope organisation,
        List<Scope> regions, List<Scope> sites, List<SourceCounts> dataQuality, List<RankedSite> fairRanking) {

    /**
     * One line of the data-quality appendix ({@link PeriodRowCounts}): {@code read = written + rejected}.
     *
     * @param reference false for a dated source (feedback, audits, kpis): its rows of the period,
     *        whenever imported before the review; true for reference data (sites, criteria,
     *        kpi-definitions): its latest import as of the review
     * @param files the imports counted
     * @param rejectedUndated of the rejected, those without a usable date (all of them for reference data)
     * @param importedAt reference data: when its latest import completed; null for dated sources
     *        and when it was never imported
     */
    public record SourceCounts(String kind, boolean reference, long files, long read, long written, long rejected,
            long rejectedUndated, OffsetDateTime importedAt) {
    }

    /**
     * @param dataIncomplete a site's reason why its figures of the period are incomplete (NO_ROWS,
     *        LOW_VOLUME; {@link com.qualityreview.review.metrics.DataIncomplete}), null when complete
     *        and for regions and the organisation
     * @param incompleteSites of a region or the organisation: how many of its sites have incomplete data
     * @param warnings        the active warnings: a site's own; a region's or the organisation's for their
     *                        sites, sites at risk first ({@link com.qualityreview.review.rating.Warnings#sitesAtRisk})
     * @param resolvedWarnings the previous review's warnings that no longer hold (shown once), likewise, by site
     * @param drivers          the key drivers of satisfaction, by importance rank: five for a region and the
     *                        organisation, five or none for a site (docs/review.md, Key drivers)
     */
    public record Scope(String type, String code, String name, String regionCode, Figures current, Figures previous,
            Map<String, Long> ratingCounts, List<Pareto> pareto, List<Kpi> kpis, List<Trend> trend,
            List<Mandatory> mandatory, List<Compliance> compliance, List<WarningRow> warnings, String dataIncomplete,
            long incompleteSites, List<WarningRow> resolvedWarnings, List<Driver> drivers) {

        public boolean isDataIncomplete() {
            return dataIncomplete != null;
        }
    }

    /** The sites of a region, in code order. */
    public List<Scope> sitesOf(Scope region) {
        return sites.stream().filter(site -> region.code().equals(site.regionCode())).toList();
    }

    /** The sites of this scope (all of them for the organisation, one for a site) whose data of the period is incomplete. */
    public List<Scope> incompleteSites(Scope scope) {
        return sites.stream().filter(Scope::isDataIncomplete).filter(site -> switch (scope.type()) {
            case "SITE" -> site.code().equals(scope.code());
            case "REGION" -> scope.code().equals(site.regionCode());
            default -> true;
        }).toList();
    }

    public record Figures(long feedbackCount, BigDecimal csatMean, BigDecimal csatSatisfiedPct, long[] csatCounts,
            BigDecimal nps, BigDecimal reliabilityMean, BigDecimal responsivenessMean, BigDecimal assuranceMean,
            BigDecimal empathyMean, BigDecimal tangiblesMean, long complaintCount, BigDecimal complaintRatePct,
            BigDecimal fcrPct, BigDecimal resolutionHoursMean, BigDecimal resolutionHoursMedian, long auditCount,
            BigDecimal auditScorePct, BigDecimal kpiMetPct, BigDecimal qualityIndex, String rating, String ratingChange,
            BigDecimal sitesRated3PlusPct) {
    }

    /**
     * One SERVQUAL dimension as a key driver of satisfaction.
     *
     * @param n rows with both the dimension's score and CSAT
     * @param r the correlation; null below the minimum of rows or without variance (rLow, rHigh and
     *        quadrant then too; the bounds also below 4 rows)
     * @param quadrant a {@link com.qualityreview.review.metrics.KeyDrivers.Quadrant} name
     */
    public record Driver(int rank, String dimension, long n, BigDecimal r, BigDecimal rLow, BigDecimal rHigh, BigDecimal mean,
            String quadrant) {
    }

    public record Pareto(String category, long count, BigDecimal pct, BigDecimal cumulativePct, boolean vitalFew) {
    }

    public record Kpi(String code, String name, String unit, String direction, BigDecimal value, BigDecimal target, Boolean met) {
    }

    public record Trend(String period, long feedbackCount, BigDecimal csatMean, BigDecimal nps, BigDecimal complaintRatePct) {
    }

    public record Mandatory(String criterionCode, String criterionName, int mandatoryFromStar, String status) {
    }

    /**
     * @param label          the English label of a review stored before texts were keys (shown as it is then)
     * @param actual         likewise, the actual value's text
     * @param required       likewise, the required value's text
     * @param labelText      what is required, to be worded in the reader's language; null for older reviews
     * @param actualText     the actual value, likewise
     * @param requiredText   the required value, likewise
     */
    public record Compliance(String levelRole, int level, String requirement, String label, String actual, String required,
            boolean met, TranslatableText labelText, TranslatableText actualText, TranslatableText requiredText) {
    }

    /**
     * @param message the English text of a review stored before texts were keys (shown as it is then)
     * @param details what happened, to be worded in the reader's language; null for older reviews
     * @param status NEW, CONTINUING or RESOLVED ({@link com.qualityreview.review.rating.WarningStatus})
     * @param firstPeriod the period the warning first held in (of a run of consecutive reviewed periods)
     * @param periodsRunning for how many consecutive reviewed periods it has held (a resolved one: had held)
     */
    public record WarningRow(String siteCode, String type, String severity, String subject, String message,
            TranslatableText details, String status, String firstPeriod, int periodsRunning) {
    }

    /**
     * A site in the fair ranking by CSAT; for a site without any CSAT answer, every value but the
     * count is null.
     *
     * @param weight n / (n + k), the share of its own mean in its adjusted mean
     * @param shrunkCsatMean the adjusted mean: region mean + weight × (site mean − region mean)
     * @param rank by adjusted mean among all sites; regionRank among its region's; rawRank by raw mean among all
     * @param k the review's k = within-site variance / between-site variance; null when it was not
     *        estimated (too little data: weight 1) or the sites show no spread (weight 0)
     */
    public record RankedSite(String siteCode, String regionCode, long csatCount, BigDecimal csatMean, BigDecimal weight,
            BigDecimal shrunkCsatMean, Integer rank, Integer regionRank, Integer rawRank, BigDecimal k) {
    }
}
