package com.qualityreview.review.job;

import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.TranslatableText;
import com.qualityreview.review.metrics.DataIncomplete;
import com.qualityreview.review.metrics.Dimension;
import com.qualityreview.review.FeedbackStats;
import com.qualityreview.review.metrics.KeyDrivers;
import com.qualityreview.review.metrics.KpiResult;
import com.qualityreview.review.metrics.ParetoEntry;
import com.qualityreview.review.metrics.ScopeFigures;
import com.qualityreview.review.ScopeStats;
import com.qualityreview.review.rating.LevelCompliance;
import com.qualityreview.review.rating.MandatoryCriterionStatus;
import com.qualityreview.review.rating.Rating;
import com.qualityreview.review.rating.RatingChange;
import com.qualityreview.review.rating.RatingDistribution;
import com.qualityreview.review.rating.RatingResult;
import com.qualityreview.review.rating.Requirement;
import com.qualityreview.review.rating.Warning;
import com.qualityreview.review.rating.WarningStatus;
import com.qualityreview.review.rating.Warnings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes a review's results; rows of one (period, revision) are replaced when it is run again. */
@Component
public class ReviewStore {

    public static final String CURRENT = "CURRENT";
    public static final String PREVIOUS = "PREVIOUS";
    static final int STORED_SCALE = 10;

    private static final List<String> RESULT_TABLES = List.of("review_figures", "review_rating_count", "review_pareto",
            "review_kpi", "review_mandatory", "review_compliance", "review_warning", "review_resolved_warning", "review_trend",
            "review_site_rank", "review_driver");

    /** %s: one of the result tables. */
    private static final String DELETE_RESULTS = """
            DELETE FROM %s WHERE period = ? AND revision = ?""";
    private static final String INSERT_FIGURES = """
            INSERT INTO review_figures (period, revision, scope_type, scope_code, period_role, scope_name, region_code,
            feedback_count, csat_mean, csat_satisfied_pct, csat_1, csat_2, csat_3, csat_4, csat_5, nps,
            reliability_mean, responsiveness_mean, assurance_mean, empathy_mean, tangibles_mean, complaint_count,
            complaint_rate_pct, fcr_pct, resolution_hours_mean, resolution_hours_median, audit_count, audit_score_pct,
            kpi_met_pct, quality_index, rating, rating_change, data_incomplete)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_PARETO = """
            INSERT INTO review_pareto (period, revision, scope_type, scope_code, position, category,
            complaint_count, pct, cumulative_pct, vital_few) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_KPI = """
            INSERT INTO review_kpi (period, revision, scope_type, scope_code, kpi_code, kpi_value, target, met)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_MANDATORY = """
            INSERT INTO review_mandatory (period, revision, site_code, criterion_code, mandatory_from_star, status)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_COMPLIANCE = """
            INSERT INTO review_compliance (period, revision, site_code, level_role, star_level, position,
            requirement, label, actual, required, actual_text, required_text, met, label_key, label_arguments,
            actual_key, actual_arguments, required_key, required_arguments)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_WARNING = """
            INSERT INTO review_warning (period, revision, site_code, position, warning_type, severity, subject,
            message, message_key, message_arguments, status, first_period, periods_running)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_DRIVER = """
            INSERT INTO review_driver (period, revision, scope_type, scope_code, dimension, pair_count, r, r_low, r_high,
            mean_score, quadrant, importance_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_RATING_COUNT = """
            INSERT INTO review_rating_count (period, revision, scope_type, scope_code, rating, site_count)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE_SHARE_RATED_3_PLUS = """
            UPDATE review_figures SET sites_rated_3_plus_pct = ? WHERE period = ? AND revision = ? AND scope_type = ?
            AND scope_code = ? AND period_role = 'CURRENT'""";
    /** Regions and the organisation: how many of their sites' figures of the period are incomplete. */
    private static final String UPDATE_INCOMPLETE_SITES = """
            UPDATE review_figures r SET incomplete_sites = (SELECT COUNT(*) FROM review_figures s
            WHERE s.period = r.period AND s.revision = r.revision AND s.scope_type = 'SITE' AND s.period_role = 'CURRENT'
            AND s.data_incomplete IS NOT NULL AND (r.scope_type = 'ORG' OR s.region_code = r.scope_code))
            WHERE r.period = ? AND r.revision = ? AND r.scope_type <> 'SITE' AND r.period_role = 'CURRENT'""";

    private final JdbcTemplate jdbc;

    ReviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void deleteResults(ReviewRun key) {
        for (String table : RESULT_TABLES) {
            jdbc.update(DELETE_RESULTS.formatted(table), key.periodText(), key.revision());
        }
    }

    public void insertFigures(Batch batch, ReviewRun key, String scopeType, String scopeCode, String role, String name, String regionCode,
            ScopeStats stats, ScopeFigures figures, Optional<BigDecimal> median, Rating rating, RatingChange change,
            DataIncomplete incomplete) {
        FeedbackStats feedback = stats.feedback();
        Map<Integer, Long> csat = feedback.csatDistribution();
        batch.add(INSERT_FIGURES, key.periodText(), key.revision(), scopeType, scopeCode, role, name, regionCode,
                figures.feedbackCount(), or(figures.csatMean()), or(figures.csatSatisfiedPct()),
                csat.getOrDefault(1, 0L), csat.getOrDefault(2, 0L), csat.getOrDefault(3, 0L), csat.getOrDefault(4, 0L),
                csat.getOrDefault(5, 0L), or(figures.nps()),
                or(feedback.servqualMean(Dimension.RELIABILITY)), or(feedback.servqualMean(Dimension.RESPONSIVENESS)),
                or(feedback.servqualMean(Dimension.ASSURANCE)), or(feedback.servqualMean(Dimension.EMPATHY)),
                or(feedback.servqualMean(Dimension.TANGIBLES)), figures.complaintCount(), or(figures.complaintRatePct()),
                or(figures.fcrPct()), or(figures.resolutionHoursMean()), or(median), figures.auditCount(),
                or(figures.auditScorePct()), or(figures.kpiMetPct()), or(figures.qualityIndex()),
                rating == null ? null : rating.code(), change == null ? null : change.name(),
                incomplete == null ? null : incomplete.name());
    }

    /** Pareto and KPI results, for the reviewed period only. */
    public void insertDetails(Batch batch, ReviewRun key, String scopeType, String scopeCode, ScopeStats stats, ScopeFigures figures) {
        List<ParetoEntry> pareto = stats.feedback().complaintPareto();
        List<Object[]> paretoRows = new ArrayList<>();
        for (int i = 0; i < pareto.size(); i++) {
            ParetoEntry entry = pareto.get(i);
            paretoRows.add(new Object[] {key.periodText(), key.revision(), scopeType, scopeCode, i + 1, entry.category(),
                    entry.count(), entry.pct(), entry.cumulativePct(), entry.vitalFew()});
        }
        batch.addAll(INSERT_PARETO, paretoRows);
        List<Object[]> kpiRows = new ArrayList<>();
        for (KpiResult kpi : figures.kpis()) {
            kpiRows.add(new Object[] {key.periodText(), key.revision(), scopeType, scopeCode, kpi.code(),
                    or(kpi.value()), kpi.definition().target(), kpi.hasValue() ? kpi.met() : null});
        }
        batch.addAll(INSERT_KPI, kpiRows);
    }

    public void insertSiteAssessment(Batch batch, ReviewRun key, String siteCode, ScopeFigures figures, RatingResult rating, List<Warning> warnings) {
        List<Object[]> mandatory = new ArrayList<>();
        for (MandatoryCriterionStatus status : figures.mandatoryStatuses()) {
            mandatory.add(new Object[] {key.periodText(), key.revision(), siteCode, status.criterionCode(),
                    status.mandatoryFromStar(), status.status().name()});
        }
        batch.addAll(INSERT_MANDATORY, mandatory);
        List<Object[]> compliance = new ArrayList<>();
        rating.currentLevel().ifPresent(level -> addCompliance(compliance, key, siteCode, "CURRENT", level));
        rating.nextLevel().ifPresent(level -> addCompliance(compliance, key, siteCode, "NEXT", level));
        batch.addAll(INSERT_COMPLIANCE, compliance);
        List<Object[]> warningRows = new ArrayList<>();
        List<Warning> ordered = warnings.stream().sorted(Warnings.MOST_SEVERE_FIRST).toList();
        for (int i = 0; i < ordered.size(); i++) {
            Warning warning = ordered.get(i);
            warningRows.add(new Object[] {key.periodText(), key.revision(), siteCode, i + 1, warning.type().name(),
                    warning.severity().name(), warning.subject().orElse(null), warning.details().toString(),
                    warning.details().key(), warning.details().storedArguments(),
                    // New until trackWarningHistoryStep reads the previous review (TrackWarningHistoryTasklet).
                    WarningStatus.NEW.name(), key.periodText(), 1});
        }
        batch.addAll(INSERT_WARNING, warningRows);
    }

    /** A scope's key drivers, in rank order (docs/review.md, Key drivers). */
    public void insertDrivers(Batch batch, ReviewRun key, String scopeType, String scopeCode, List<KeyDrivers.Driver> drivers) {
        List<Object[]> rows = new ArrayList<>();
        for (KeyDrivers.Driver driver : drivers) {
            rows.add(new Object[] {key.periodText(), key.revision(), scopeType, scopeCode, driver.dimension().name(), driver.n(),
                    or(driver.r()), or(driver.low()), or(driver.high()), or(driver.mean()),
                    driver.quadrant().map(Enum::name).orElse(null), driver.rank()});
        }
        batch.addAll(INSERT_DRIVER, rows);
    }

    private static void addCompliance(List<Object[]> rows, ReviewRun key, String siteCode, String role, LevelCompliance level) {
        List<Requirement> requirements = level.requirements();
        for (int i = 0; i < requirements.size(); i++) {
            Requirement r = requirements.get(i);
            TranslatableText actual = r.describeActual();
            TranslatableText required = r.describeRequired();
            rows.add(new Object[] {key.periodText(), key.revision(), siteCode, role, level.level(), i + 1, r.code(),
                    r.label().toString(), or(r.actual()), or(r.required()), actual.toString(), required.toString(), r.met(),
                    r.label().key(), r.label().storedArguments(), actual.key(), actual.storedArguments(), required.key(),
                    required.storedArguments()});
        }
    }

    /** After the scope's figures are stored (the batch flushed): its rating counts and share of 3+ stars. */
    void insertRatingCounts(ReviewRun key, String scopeType, String scopeCode, RatingDistribution distribution) {
        List<Object[]> rows = new ArrayList<>();
        for (Rating rating : Rating.values()) {
            rows.add(new Object[] {key.periodText(), key.revision(), scopeType, scopeCode, rating.code(), distribution.count(rating)});
        }
        jdbc.batchUpdate(INSERT_RATING_COUNT, rows);
        jdbc.update(UPDATE_SHARE_RATED_3_PLUS, or(distribution.shareAtLeastThreeStarsPct()), key.periodText(), key.revision(), scopeType,
                scopeCode);
    }

    /** After the regions' and organisation's figures are stored: their counts of sites with incomplete data. */
    void updateIncompleteSites(ReviewRun key) {
        jdbc.update(UPDATE_INCOMPLETE_SITES, key.periodText(), key.revision());
    }

    /**
     * Rows collected over a chunk and written with one JDBC batch per statement: a review writes
     * a dozen rows per site, and one round trip each would dominate its time.
     */
    public static final class Batch {
        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

        void add(String sql, Object... values) {
            rows.computeIfAbsent(sql, s -> new ArrayList<>()).add(values);
        }

        void addAll(String sql, List<Object[]> values) {
            if (!values.isEmpty()) {
                rows.computeIfAbsent(sql, s -> new ArrayList<>()).addAll(values);
            }
        }

        public void flush(JdbcTemplate jdbc) {
            rows.forEach(jdbc::batchUpdate);
            rows.clear();
        }
    }

    public void flush(Batch batch) {
        batch.flush(jdbc);
    }

    private static BigDecimal or(Optional<BigDecimal> value) {
        return stored(value);
    }

    /**
     * A value for a DECIMAL(24, 10) column, null for no data. Rounded here to the columns' 10
     * decimals, so that PostgreSQL (which rounds) and HSQLDB (which may truncate) store the same value.
     */
    static BigDecimal stored(Optional<BigDecimal> value) {
        return value.map(v -> v.setScale(STORED_SCALE, RoundingMode.HALF_UP)).orElse(null);
    }

    private static BigDecimal or(OptionalDouble value) {
        return value.isPresent() ? or(Optional.of(BigDecimal.valueOf(value.getAsDouble()))) : null;
    }
}
