package com.qualityreview.review;

import com.qualityreview.review.job.ReviewStore;
import com.qualityreview.review.job.RollUpTasklet;
import com.qualityreview.review.SiteSummaryWriter;
import com.qualityreview.review.rating.Severity;
import com.qualityreview.review.rating.WarningType;
import com.qualityreview.review.rating.Warnings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a review's stored results for the reports; the size grows with sites, not rows. */
@Component
public class ReviewResults {

    private static final String SELECT_RUN = """
            SELECT zone, started_at, finished_at FROM review_run WHERE period = ? AND revision = ?""";
    /** The organisation first, then the regions, then the sites. */
    private static final String SCOPE_ORDER = "CASE scope_type WHEN 'ORG' THEN 0 WHEN 'REGION' THEN 1 ELSE 2 END";
    private static final String SELECT_FIGURES = """
            SELECT * FROM review_figures WHERE period = ? AND revision = ?
            ORDER BY %s, scope_code""".formatted(SCOPE_ORDER);
    private static final String SELECT_SCOPES = """
            SELECT DISTINCT %s AS scope_order, scope_type, scope_code FROM review_figures WHERE period = ? AND revision = ?
            ORDER BY 1, 3""".formatted(SCOPE_ORDER);
    private static final String SELECT_RATING_COUNTS = """
            SELECT scope_type, scope_code, rating, site_count FROM review_rating_count WHERE period = ? AND revision = ?""";
    private static final String SELECT_PARETO = """
            SELECT scope_type, scope_code, category, complaint_count, pct, cumulative_pct, vital_few FROM review_pareto
            WHERE period = ? AND revision = ? ORDER BY scope_type, scope_code, position""";
    private static final String SELECT_KPIS = """
            SELECT k.scope_type, k.scope_code, k.kpi_code, d.name, d.unit, d.direction, k.kpi_value, k.target, k.met
            FROM review_kpi k JOIN kpi_definition d ON d.kpi_code = k.kpi_code WHERE k.period = ? AND k.revision = ?
            ORDER BY k.scope_type, k.scope_code, k.kpi_code""";
    private static final String SELECT_DRIVERS = """
            SELECT scope_type, scope_code, importance_rank, dimension, pair_count, r, r_low, r_high, mean_score, quadrant
            FROM review_driver WHERE period = ? AND revision = ? ORDER BY scope_type, scope_code, importance_rank""";
    private static final String SELECT_TRENDS = """
            SELECT scope_type, scope_code, trend_period, feedback_count, csat_mean, nps, complaint_rate_pct FROM review_trend
            WHERE period = ? AND revision = ? ORDER BY scope_type, scope_code, position""";
    private static final String SELECT_MANDATORY = """
            SELECT m.site_code, m.criterion_code, c.name, m.mandatory_from_star, m.status FROM review_mandatory m
            JOIN criterion c ON c.criterion_code = m.criterion_code WHERE m.period = ? AND m.revision = ?
            ORDER BY m.site_code, m.mandatory_from_star, m.criterion_code""";
    private static final String SELECT_COMPLIANCE = """
            SELECT site_code, level_role, star_level, requirement, label, actual_text, required_text, met, label_key,
            label_arguments, actual_key, actual_arguments, required_key, required_arguments
            FROM review_compliance WHERE period = ? AND revision = ? ORDER BY site_code, level_role, position""";
    private static final String SELECT_WARNINGS = """
            SELECT w.site_code, w.warning_type, w.severity, w.subject, w.message, w.message_key, w.message_arguments,
            w.status, w.first_period, w.periods_running
            FROM review_warning w
            WHERE w.period = ? AND w.revision = ? ORDER BY w.site_code, w.position""";
    private static final String SELECT_RESOLVED_WARNINGS = """
            SELECT w.site_code, w.warning_type, w.severity, w.subject, w.message, w.message_key, w.message_arguments,
            'RESOLVED', w.first_period, w.periods_running
            FROM review_resolved_warning w
            WHERE w.period = ? AND w.revision = ? ORDER BY w.site_code, w.position""";
    /** Ranked sites first, in rank order, then those without any CSAT answer. */
    private static final String SELECT_FAIR_RANKING = """
            SELECT site_code, region_code, csat_count, csat_mean, weight, shrunk_csat_mean, fair_rank, region_rank, raw_rank, k
            FROM review_site_rank WHERE period = ? AND revision = ?
            ORDER BY CASE WHEN fair_rank IS NULL THEN 1 ELSE 0 END, fair_rank, site_code""";
    /**
     * Per import of a dated source completed before the review started, and having rows dated in
     * the period or completed since the period started: its rows of the period written and
     * rejected, its undated rejects, how many days of rows it has, when it finished.
     * Parameters: period start and end date (three times), review start, period start instant.
     */
    private static final String SELECT_DATED_IMPORTS = """
            SELECT f.kind, f.finished_at,
            SUM(CASE WHEN d.row_date >= ? AND d.row_date < ? THEN d.written_count ELSE 0 END),
            SUM(CASE WHEN d.row_date >= ? AND d.row_date < ? THEN d.rejected_count ELSE 0 END),
            SUM(CASE WHEN d.row_date IS NULL THEN d.rejected_count ELSE 0 END), COUNT(d.row_date)
            FROM import_file f JOIN import_day_count d ON d.job_instance_id = f.job_instance_id
            WHERE f.status = 'COMPLETED' AND f.finished_at <= ? AND f.kind IN ('feedback', 'audits', 'kpis')
            AND (f.finished_at >= ? OR EXISTS (SELECT 1 FROM import_day_count p WHERE p.job_instance_id = f.job_instance_id
            AND p.row_date >= ? AND p.row_date < ?))
            GROUP BY f.job_instance_id, f.kind, f.finished_at""";
    /** The reference-data imports completed before the review started (the latest of each kind counts). */
    private static final String SELECT_REFERENCE_IMPORTS = """
            SELECT kind, finished_at, read_count, written_count, rejected_count FROM import_file
            WHERE status = 'COMPLETED' AND finished_at <= ? AND kind IN ('sites', 'criteria', 'kpi-definitions')
            ORDER BY finished_at, job_instance_id""";
    /** %s: the condition on the score; how many at most. A comment of blanks says nothing: it is left out. */
    private static final String SELECT_LATEST_COMMENTS = """
            SELECT submitted_at, csat, comment FROM feedback WHERE site_code = ? AND submitted_at >= ?
            AND submitted_at < ? AND comment IS NOT NULL AND TRIM(comment) <> '' AND %s
            ORDER BY submitted_at DESC, feedback_id FETCH FIRST %s ROWS ONLY""";
    private static final List<String> LOW_SCORED_THEN_OTHERS = List.of("csat <= 3", "(csat IS NULL OR csat >= 4)");

    private final JdbcTemplate jdbc;

    ReviewResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The text stored as a key (at {@code column}) and arguments (the next column); null for reviews stored before keys. */
    private static TranslatableText text(ResultSet row, int column) throws SQLException {
        String key = row.getString(column);
        return key == null ? null : TranslatableText.fromStored(key, row.getString(column + 1));
    }

    /** A scope of a review by type (ORG, REGION, SITE) and code, without its figures. */
    public record ScopeKey(String type, String code) {
    }

    /**
     * The scopes a review stored figures for, in the order {@link #load} gives them (the
     * organisation, the regions by code, the sites by code), without loading their figures.
     */
    public List<ScopeKey> scopes(Period period, int revision) {
        return jdbc.query(SELECT_SCOPES, (row, n) -> new ScopeKey(row.getString(2), row.getString(3)), period.toString(), revision);
    }

    public Optional<ReviewResult> load(Period period, int revision) {
        Object[] key = {period.toString(), revision};
        List<Run> runs = jdbc.query(SELECT_RUN, (row, n) -> new Run(ZoneId.of(row.getString(1)), row.getObject(2, OffsetDateTime.class),
                        row.getObject(3, OffsetDateTime.class)), key);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = runs.get(0).zone();

        Map<String, Builder> scopes = new LinkedHashMap<>();
        jdbc.query(SELECT_FIGURES, row -> {
            String id = id(row.getString("scope_type"), row.getString("scope_code"));
            Builder scope = scopes.get(id);
            if (scope == null) {
                scope = new Builder(row);
                scopes.put(id, scope);
            }
            if (row.getString("period_role").equals(ReviewStore.CURRENT)) {
                scope.current = figures(row);
                scope.dataIncomplete = row.getString("data_incomplete");
                scope.incompleteSites = row.getLong("incomplete_sites");
            }
            else {
                scope.previous = figures(row);
            }
        }, key);
        jdbc.query(SELECT_RATING_COUNTS, row -> {
            scope(scopes, row).ratingCounts.put(row.getString(3), row.getLong(4));
        }, key);
        jdbc.query(SELECT_PARETO, row -> {
            scope(scopes, row).pareto.add(new ReviewResult.Pareto(row.getString(3), row.getLong(4), row.getBigDecimal(5),
                    row.getBigDecimal(6), row.getBoolean(7)));
        }, key);
        jdbc.query(SELECT_KPIS, row -> {
            scope(scopes, row).kpis.add(new ReviewResult.Kpi(row.getString(3), row.getString(4), row.getString(5),
                    row.getString(6), row.getBigDecimal(7), row.getBigDecimal(8), (Boolean) row.getObject(9)));
        }, key);
        jdbc.query(SELECT_DRIVERS, row -> {
            scope(scopes, row).drivers.add(new ReviewResult.Driver(row.getInt(3), row.getString(4), row.getLong(5),
                    row.getBigDecimal(6), row.getBigDecimal(7), row.getBigDecimal(8), row.getBigDecimal(9), row.getString(10)));
        }, key);
        jdbc.query(SELECT_TRENDS, row -> {
            scope(scopes, row).trend.add(new ReviewResult.Trend(row.getString(3), row.getLong(4), row.getBigDecimal(5),
                    row.getBigDecimal(6), row.getBigDecimal(7)));
        }, key);
        jdbc.query(SELECT_MANDATORY, row -> {
            site(scopes, row.getString(1)).ifPresent(site -> {
                try {
                    site.mandatory.add(new ReviewResult.Mandatory(row.getString(2), row.getString(3), row.getInt(4), row.getString(5)));
                }
                catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }, key);
        jdbc.query(SELECT_COMPLIANCE, row -> {
            ReviewResult.Compliance compliance = new ReviewResult.Compliance(row.getString(2), row.getInt(3), row.getString(4),
                    row.getString(5), row.getString(6), row.getString(7), row.getBoolean(8), text(row, 9), text(row, 11),
                    text(row, 13));
            site(scopes, row.getString(1)).ifPresent(site -> site.compliance.add(compliance));
        }, key);
        List<ReviewResult.WarningRow> allWarnings = new ArrayList<>();
        jdbc.query(SELECT_WARNINGS, row -> {
            allWarnings.add(warning(row));
        }, key);
        // Sites at risk: a site's own warnings, and those of a region's or the organisation's sites, in their order.
        List<ReviewResult.WarningRow> atRisk = Warnings.sitesAtRisk(allWarnings, ReviewResults::atRisk).stream()
                .flatMap(List::stream).toList();
        atRisk.forEach(warning -> site(scopes, warning.siteCode()).ifPresent(site -> site.warnings.add(warning)));
        List<ReviewResult.WarningRow> allResolved = new ArrayList<>();
        jdbc.query(SELECT_RESOLVED_WARNINGS, row -> {
            ReviewResult.WarningRow warning = warning(row);
            allResolved.add(warning);
            site(scopes, warning.siteCode()).ifPresent(site -> site.resolvedWarnings.add(warning));
        }, key);

        List<ReviewResult.Scope> regions = new ArrayList<>();
        List<ReviewResult.Scope> sites = new ArrayList<>();
        ReviewResult.Scope organisation = null;
        for (Builder scope : scopes.values()) {
            if (!scope.type.equals("SITE")) {
                scope.warnings.addAll(ofSitesOf(scope, atRisk, scopes));
                scope.resolvedWarnings.addAll(ofSitesOf(scope, allResolved, scopes));
            }
            ReviewResult.Scope built = scope.build();
            switch (scope.type) {
                case "SITE" -> sites.add(built);
                case "REGION" -> regions.add(built);
                default -> organisation = built;
            }
        }
        List<ReviewResult.RankedSite> fairRanking = jdbc.query(SELECT_FAIR_RANKING, (row, n) -> new ReviewResult.RankedSite(
                row.getString(1), row.getString(2), row.getLong(3), row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6),
                row.getObject(7, Integer.class), row.getObject(8, Integer.class), row.getObject(9, Integer.class),
                row.getBigDecimal(10)), key);
        return Optional.of(new ReviewResult(period, revision, zone, runs.get(0).finishedAt(), organisation, regions, sites,
                dataQuality(period, zone, runs.get(0).startedAt()), fairRanking));
    }

    /**
     * The appendix's counts: the imports completed before the review started, so that a report
     * rendered again later counts what the review counted.
     */
    private List<ReviewResult.SourceCounts> dataQuality(Period period, ZoneId zone, OffsetDateTime reviewStart) {
        OffsetDateTime periodStart = SiteSummaryWriter.utc(period.startInstant(zone));
        OffsetDateTime periodEnd = SiteSummaryWriter.utc(period.endInstant(zone));
        PeriodRowCounts counts = new PeriodRowCounts();
        jdbc.query(SELECT_DATED_IMPORTS, row -> {
            OffsetDateTime finishedAt = row.getObject(2, OffsetDateTime.class);
            counts.add(new PeriodRowCounts.DatedImport(row.getString(1), row.getLong(3), row.getLong(4), row.getLong(5),
                    row.getLong(6) > 0, !finishedAt.isBefore(periodStart) && finishedAt.isBefore(periodEnd)));
        }, period.start(), period.end(), period.start(), period.end(), reviewStart, periodStart, period.start(), period.end());
        jdbc.query(SELECT_REFERENCE_IMPORTS, row -> {
            counts.add(new PeriodRowCounts.ReferenceImport(row.getString(1), row.getObject(2, OffsetDateTime.class),
                    row.getLong(3), row.getLong(4), row.getLong(5)));
        }, reviewStart);
        return counts.counts();
    }

    private record Run(ZoneId zone, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    /** A verbatim customer comment for the site and region reports, with the site it was left at. */
    public record Comment(String siteCode, OffsetDateTime submittedAt, Integer csat, String text) {
    }

    private static final Comparator<Comment> NEWEST_FIRST = Comparator.comparing(Comment::submittedAt).reversed()
            .thenComparing(Comment::siteCode);

    /**
     * A sample of a site's comments in the period: the most recent ones with a low score (csat 1–3)
     * and the most recent other ones, up to {@code limit} each, newest first.
     */
    public List<Comment> sampleComments(Period period, ZoneId zone, String siteCode, int limit) {
        List<Comment> comments = new ArrayList<>();
        for (String condition : LOW_SCORED_THEN_OTHERS) {
            comments.addAll(latestComments(period, zone, siteCode, condition, limit));
        }
        comments.sort(NEWEST_FIRST);
        return comments;
    }

    /**
     * A sample of a region's comments in the period, at most {@code limit}: each site's most recent
     * low-scored (csat 1–3) and most recent other comment are the candidates, so that one busy site
     * cannot fill the sample; of them, the newest low-scored and the newest other ones, half each
     * (the rest from the other kind when one runs short), newest first. Two rows per site are read.
     */
    public List<Comment> sampleRegionComments(Period period, ZoneId zone, List<String> siteCodes, int limit) {
        List<Comment> low = new ArrayList<>();
        List<Comment> other = new ArrayList<>();
        for (String siteCode : siteCodes) {
            low.addAll(latestComments(period, zone, siteCode, LOW_SCORED_THEN_OTHERS.get(0), 1));
            other.addAll(latestComments(period, zone, siteCode, LOW_SCORED_THEN_OTHERS.get(1), 1));
        }
        return sampleOf(low, other, limit);
    }

    /** Of the low-scored and the other candidates, the newest of each, half each (a short kind leaves its room to the other). */
    static List<Comment> sampleOf(List<Comment> lowScored, List<Comment> others, int limit) {
        List<Comment> low = new ArrayList<>(lowScored);
        List<Comment> other = new ArrayList<>(others);
        low.sort(NEWEST_FIRST);
        other.sort(NEWEST_FIRST);
        int lowTaken = Math.min(low.size(), Math.max(limit / 2, limit - other.size()));
        List<Comment> sample = new ArrayList<>(low.subList(0, lowTaken));
        sample.addAll(other.subList(0, Math.min(other.size(), limit - lowTaken)));
        sample.sort(NEWEST_FIRST);
        return sample;
    }

    private List<Comment> latestComments(Period period, ZoneId zone, String siteCode, String condition, int limit) {
        return jdbc.query(SELECT_LATEST_COMMENTS.formatted(condition, limit),
                (row, n) -> new Comment(siteCode, row.getObject(1, OffsetDateTime.class), (Integer) row.getObject(2),
                        row.getString(3)),
                siteCode, SiteSummaryWriter.utc(period.startInstant(zone)), SiteSummaryWriter.utc(period.endInstant(zone)));
    }

    private static ReviewResult.WarningRow warning(ResultSet row) throws SQLException {
        return new ReviewResult.WarningRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                text(row, 6), row.getString(8), row.getString(9), row.getInt(10));
    }

    private static Warnings.AtRisk atRisk(ReviewResult.WarningRow warning) {
        return new Warnings.AtRisk(warning.siteCode(), Severity.valueOf(warning.severity()), warning.periodsRunning(),
                WarningType.valueOf(warning.type()), warning.subject() == null ? "" : warning.subject());
    }

    /** The warnings of a region's sites, or all of them for the organisation, in the order given. */
    private static List<ReviewResult.WarningRow> ofSitesOf(Builder scope, List<ReviewResult.WarningRow> warnings,
            Map<String, Builder> scopes) {
        return warnings.stream()
                .filter(w -> scope.type.equals(RollUpTasklet.ORG) || scope.code.equals(regionOf(scopes, w.siteCode())))
                .toList();
    }

    private static String regionOf(Map<String, Builder> scopes, String siteCode) {
        Builder site = scopes.get(id("SITE", siteCode));
        return site == null ? null : site.regionCode;
    }

    private static String id(String type, String code) {
        return type + "/" + code;
    }

    private static Builder scope(Map<String, Builder> scopes, ResultSet row) throws SQLException {
        return scopes.get(id(row.getString(1), row.getString(2)));
    }

    private static Optional<Builder> site(Map<String, Builder> scopes, String code) {
        return Optional.ofNullable(scopes.get(id("SITE", code)));
    }

    private static ReviewResult.Figures figures(ResultSet row) throws SQLException {
        return new ReviewResult.Figures(row.getLong("feedback_count"), row.getBigDecimal("csat_mean"),
                row.getBigDecimal("csat_satisfied_pct"), new long[] {row.getLong("csat_1"), row.getLong("csat_2"),
                row.getLong("csat_3"), row.getLong("csat_4"), row.getLong("csat_5")}, row.getBigDecimal("nps"),
                row.getBigDecimal("reliability_mean"), row.getBigDecimal("responsiveness_mean"), row.getBigDecimal("assurance_mean"),
                row.getBigDecimal("empathy_mean"), row.getBigDecimal("tangibles_mean"), row.getLong("complaint_count"),
                row.getBigDecimal("complaint_rate_pct"), row.getBigDecimal("fcr_pct"), row.getBigDecimal("resolution_hours_mean"),
                row.getBigDecimal("resolution_hours_median"), row.getLong("audit_count"), row.getBigDecimal("audit_score_pct"),
                row.getBigDecimal("kpi_met_pct"), row.getBigDecimal("quality_index"), row.getString("rating"),
                row.getString("rating_change"), row.getBigDecimal("sites_rated_3_plus_pct"));
    }

    private static final class Builder {
        final String type;
        final String code;
        final String name;
        final String regionCode;
        ReviewResult.Figures current;
        ReviewResult.Figures previous;
        final Map<String, Long> ratingCounts = new HashMap<>();
        final List<ReviewResult.Pareto> pareto = new ArrayList<>();
        final List<ReviewResult.Kpi> kpis = new ArrayList<>();
        final List<ReviewResult.Trend> trend = new ArrayList<>();
        final List<ReviewResult.Mandatory> mandatory = new ArrayList<>();
        final List<ReviewResult.Compliance> compliance = new ArrayList<>();
        final List<ReviewResult.WarningRow> warnings = new ArrayList<>();
        final List<ReviewResult.WarningRow> resolvedWarnings = new ArrayList<>();
        final List<ReviewResult.Driver> drivers = new ArrayList<>();
        String dataIncomplete;
        long incompleteSites;

        Builder(ResultSet row) throws SQLException {
            type = row.getString("scope_type");
            code = row.getString("scope_code");
            name = row.getString("scope_name");
            regionCode = row.getString("region_code");
        }

        ReviewResult.Scope build() {
            return new ReviewResult.Scope(type, code, name, regionCode, current, previous, ratingCounts, pareto, kpis, trend,
                    mandatory, compliance, warnings, dataIncomplete, incompleteSites, resolvedWarnings, drivers);
        }
    }
}
