package com.qualityreview.review;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.review.metrics.AuditResult;
import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.DataIncomplete;
import com.qualityreview.review.metrics.FeedbackFact;
import com.qualityreview.review.metrics.KeyDrivers;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.review.metrics.ScopeFigures;
import com.qualityreview.review.ScopeStats;
import com.qualityreview.review.rating.Rating;
import com.qualityreview.review.rating.RatingChange;
import com.qualityreview.review.rating.RatingResult;
import com.qualityreview.review.rating.StarRater;
import com.qualityreview.review.rating.Warning;
import com.qualityreview.review.rating.Warnings;
import com.qualityreview.system.DatabaseDialect;
import com.qualityreview.review.job.RegionSums;
import com.qualityreview.review.job.ReviewReference;
import com.qualityreview.review.job.ReviewStore;
import com.qualityreview.review.metrics.AuditResult;
import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.FeedbackFact;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.review.metrics.ScopeFigures;
import com.qualityreview.review.ScopeStats;
import com.qualityreview.review.rating.Rating;
import com.qualityreview.review.rating.RatingChange;
import com.qualityreview.review.rating.RatingResult;
import com.qualityreview.review.rating.StarRater;
import com.qualityreview.review.rating.Warning;
import com.qualityreview.review.rating.Warnings;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Summarises, rates and assesses one chunk of sites: streams their feedback and KPI rows of the
 * period and of the previous period, has the database count their audit items, distinct audits and
 * take their resolution-hours medians, stores each site's figures, rating, compliance detail and
 * warnings, and adds the site's statistics to its region's. The region sums are saved with every
 * chunk, so a restart continues from the last committed site with exactly the same totals. Memory
 * holds one chunk of sites and the regions' sums, never the period's rows or values.
 */
public class SiteSummaryWriter implements ItemStreamWriter<ReviewReference.Site> {

    /** PostgreSQL: plans made for the values of each execution, not a cached generic plan. */
    private static final String PLAN_FOR_ACTUAL_VALUES = """
            SET LOCAL plan_cache_mode = force_custom_plan""";
    /** The rows of a code range of sites in a period (the same for the others below). */
    private static final String SELECT_FEEDBACK = """
            SELECT site_code, csat, nps, reliability, responsiveness, assurance, empathy, tangibles, complaint,
            category, first_contact_resolved, resolution_hours FROM feedback
            WHERE site_code BETWEEN ? AND ? AND submitted_at >= ? AND submitted_at < ?""";
    /** %s: the dialect's median of resolution_hours. */
    private static final String SELECT_RESOLUTION_HOURS_MEDIANS = """
            SELECT site_code, %s FROM feedback
            WHERE site_code BETWEEN ? AND ? AND submitted_at >= ? AND submitted_at < ? AND resolution_hours IS NOT NULL
            GROUP BY site_code""";
    private static final String COUNT_AUDIT_RESULTS = """
            SELECT site_code, criterion_code, result, COUNT(*) FROM audit_item
            WHERE site_code BETWEEN ? AND ? AND audited_on >= ? AND audited_on < ? GROUP BY site_code, criterion_code, result""";
    private static final String COUNT_AUDITS = """
            SELECT a.site_code, COUNT(DISTINCT a.audit_id) FROM audit_item a JOIN criterion c ON c.criterion_code = a.criterion_code
            WHERE a.site_code BETWEEN ? AND ? AND a.audited_on >= ? AND a.audited_on < ? GROUP BY a.site_code""";
    private static final String SELECT_KPI_MEASUREMENTS = """
            SELECT site_code, kpi_code, measured_on, measured_value FROM kpi_measurement
            WHERE site_code BETWEEN ? AND ? AND measured_on >= ? AND measured_on < ?""";

    private final JdbcTemplate jdbc;
    private final ReviewStore store;
    private final ReviewRun key;
    private final ReviewReference reference;
    private final StarRater rater;
    private final QualityIndexWeights weights;
    private final DatabaseDialect dialect;
    private final BigDecimal incompleteBelowShare;
    private final long driverMinRows;
    private RegionSums regions;

    public SiteSummaryWriter(JdbcTemplate streamingJdbc, ReviewStore store, ReviewRun key, ReviewReference reference,
            StarRater rater, QualityIndexWeights weights, DatabaseDialect dialect, BigDecimal incompleteBelowShare,
            long driverMinRows) {
        this.dialect = dialect;
        this.driverMinRows = driverMinRows;
        this.incompleteBelowShare = incompleteBelowShare;
        this.jdbc = streamingJdbc;
        this.store = store;
        this.key = key;
        this.reference = reference;
        this.rater = rater;
        this.weights = weights;
    }

    @Override
    public void open(ExecutionContext context) {
        regions = RegionSums.from(context, key, reference.kpisByCode());
    }

    @Override
    public void update(ExecutionContext context) {
        regions.saveTo(context);
    }

    @Override
    public void write(Chunk<? extends ReviewReference.Site> chunk) {
        List<? extends ReviewReference.Site> sites = chunk.getItems();
        if (dialect == DatabaseDialect.POSTGRESQL) {
            // A cached generic plan cannot see that the site range is narrow and scans the whole
            // period by date for every chunk; a plan for the actual values uses the site index.
            jdbc.execute(PLAN_FOR_ACTUAL_VALUES);
        }
        Map<String, SiteRows> current = read(sites, key.current());
        Map<String, SiteRows> previous = read(sites, key.previous());
        ReviewStore.Batch batch = new ReviewStore.Batch();
        for (ReviewReference.Site site : sites) {
            SiteRows now = current.get(site.code());
            SiteRows before = previous.get(site.code());
            ScopeFigures figures = now.figures(reference, weights);
            ScopeFigures previousFigures = before.figures(reference, weights);
            RatingResult rating = rater.rate(figures);
            Rating previousRating = rater.rate(previousFigures).rating();
            RatingChange change = RatingChange.between(Optional.of(previousRating), rating.rating());
            List<Warning> warnings = Warnings.evaluate(site.code(), figures, rating.rating(), Optional.of(previousFigures),
                    Optional.of(previousRating));
            DataIncomplete incomplete = DataIncomplete.assess(figures.feedbackCount(), previousFigures.feedbackCount(),
                    incompleteBelowShare).orElse(null);

            store.insertFigures(batch, key, "SITE", site.code(), ReviewStore.CURRENT, site.name(), site.regionCode(), now.stats,
                    figures, now.resolutionHoursMedian, rating.rating(), change, incomplete);
            store.insertFigures(batch, key, "SITE", site.code(), ReviewStore.PREVIOUS, site.name(), site.regionCode(), before.stats,
                    previousFigures, before.resolutionHoursMedian, previousRating, null, null);
            store.insertDetails(batch, key, "SITE", site.code(), now.stats, figures);
            store.insertSiteAssessment(batch, key, site.code(), figures, rating, warnings);
            // A site's drivers only when one of its dimensions has enough rows to say anything.
            if (KeyDrivers.reachMinimum(now.stats.feedback().withCsat(), driverMinRows)) {
                store.insertDrivers(batch, key, "SITE", site.code(), now.stats.feedback().keyDrivers(driverMinRows));
            }
            regions.add(site.regionCode(), now.stats, before.stats);
        }
        store.flush(batch);
    }

    /** A site's statistics for one period, with what the database computed from its rows. */
    static final class SiteRows {
        final ScopeStats stats = new ScopeStats();
        long auditCount;
        Optional<BigDecimal> resolutionHoursMedian = Optional.empty();

        ScopeFigures figures(ReviewReference reference, QualityIndexWeights weights) {
            return stats.figures(reference.kpis(), reference.criteria(), weights, auditCount);
        }
    }

    private Map<String, SiteRows> read(List<? extends ReviewReference.Site> sites, ReviewRun.Bounds bounds) {
        Map<String, SiteRows> bySite = new LinkedHashMap<>();
        sites.forEach(site -> bySite.put(site.code(), new SiteRows()));
        String first = sites.get(0).code();
        String last = sites.get(sites.size() - 1).code();
        OffsetDateTime from = utc(bounds.from());
        OffsetDateTime until = utc(bounds.until());
        // A code range covers the chunk's sites and perhaps others between them, skipped here.
        jdbc.query(SELECT_FEEDBACK, row -> {
            SiteRows site = bySite.get(row.getString(1));
            if (site != null) {
                site.stats.feedback().add(new FeedbackFact(integer(row, 2), integer(row, 3), integer(row, 4), integer(row, 5),
                        integer(row, 6), integer(row, 7), integer(row, 8), row.getBoolean(9), row.getString(10),
                        (Boolean) row.getObject(11), row.getBigDecimal(12)));
            }
        }, first, last, from, until);
        jdbc.query(SELECT_RESOLUTION_HOURS_MEDIANS.formatted(dialect.median("resolution_hours")), row -> {
            SiteRows site = bySite.get(row.getString(1));
            if (site != null) {
                site.resolutionHoursMedian = Optional.ofNullable(row.getBigDecimal(2));
            }
        }, first, last, from, until);
        jdbc.query(COUNT_AUDIT_RESULTS, row -> {
            SiteRows site = bySite.get(row.getString(1));
            Criterion criterion = reference.criteriaByCode().get(row.getString(2));
            if (site != null && criterion != null) {
                site.stats.audits().add(criterion, AuditResult.valueOf(row.getString(3)), row.getLong(4));
            }
        }, first, last, bounds.firstDay(), bounds.endDay());
        // Items of a criterion not (or no longer) defined are left out, of the count of audits too.
        jdbc.query(COUNT_AUDITS, row -> {
            SiteRows site = bySite.get(row.getString(1));
            if (site != null) {
                site.auditCount = row.getLong(2);
            }
        }, first, last, bounds.firstDay(), bounds.endDay());
        jdbc.query(SELECT_KPI_MEASUREMENTS, row -> {
            SiteRows site = bySite.get(row.getString(1));
            KpiDefinition definition = reference.kpisByCode().get(row.getString(2));
            if (site != null && definition != null) {
                site.stats.kpi(definition).add(row.getObject(3, LocalDate.class), row.getBigDecimal(4));
            }
        }, first, last, bounds.firstDay(), bounds.endDay());
        return bySite;
    }

    private static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The region statistics as version 1 saved them: Java-serialised whole, audit ids included. Kept,
     * with the serial version identifiers of the classes it holds, only so that such contexts (of
     * executions started by an earlier release, completed ones too) still load; see {@link RegionSums#from}.
     */
    public static final class RollUp implements Serializable {
        private static final long serialVersionUID = -1873264614095059996L;
        public final Map<String, ScopeStats> current = new HashMap<>();
        public final Map<String, ScopeStats> previous = new HashMap<>();
    }
}
