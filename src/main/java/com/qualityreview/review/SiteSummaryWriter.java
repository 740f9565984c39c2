package com.qualityreview.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.system.DatabaseDialect;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Summarises, rates and assesses one chunk of sites: streams their feedback, audit and KPI rows of
 * the period and of the previous period, stores each site's figures, rating, compliance detail and
 * warnings, and adds the site's statistics to its region's. The region statistics are saved with
 * every chunk, so a restart continues from the last committed site with exactly the same totals.
 * Memory holds one chunk of sites and the regions, never the period's rows.
 */
class SiteSummaryWriter implements ItemStreamWriter<ReviewReference.Site> {

    static final String ROLL_UP = "review.rollUp";

    private final JdbcTemplate jdbc;
    private final ReviewStore store;
    private final ReviewKey key;
    private final ReviewReference reference;
    private final StarRater rater;
    private final QualityIndexWeights weights;
    private final boolean postgres;
    private RollUp rollUp;

    SiteSummaryWriter(JdbcTemplate streamingJdbc, ReviewStore store, ReviewKey key, ReviewReference reference,
            StarRater rater, QualityIndexWeights weights, DatabaseDialect dialect) {
        this.postgres = dialect == DatabaseDialect.POSTGRESQL;
        this.jdbc = streamingJdbc;
        this.store = store;
        this.key = key;
        this.reference = reference;
        this.rater = rater;
        this.weights = weights;
    }

    @Override
    public void open(ExecutionContext context) {
        rollUp = context.containsKey(ROLL_UP) ? (RollUp) context.get(ROLL_UP) : new RollUp();
    }

    @Override
    public void update(ExecutionContext context) {
        context.put(ROLL_UP, rollUp);
    }

    @Override
    public void write(Chunk<? extends ReviewReference.Site> chunk) {
        List<? extends ReviewReference.Site> sites = chunk.getItems();
        if (postgres) {
            // A cached generic plan cannot see that the site range is narrow and scans the whole
            // period by date for every chunk; a plan for the actual values uses the site index.
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
        Map<String, SiteRows> current = read(sites, key.current());
        Map<String, SiteRows> previous = read(sites, key.previous());
        ReviewStore.Batch batch = new ReviewStore.Batch();
        for (ReviewReference.Site site : sites) {
            SiteRows now = current.get(site.code());
            SiteRows before = previous.get(site.code());
            ScopeFigures figures = now.stats.figures(reference.kpis(), reference.criteria(), weights);
            ScopeFigures previousFigures = before.stats.figures(reference.kpis(), reference.criteria(), weights);
            RatingResult rating = rater.rate(figures);
            Rating previousRating = rater.rate(previousFigures).rating();
            RatingChange change = RatingChange.between(Optional.of(previousRating), rating.rating());
            List<Warning> warnings = Warnings.evaluate(site.code(), figures, rating.rating(), Optional.of(previousFigures),
                    Optional.of(previousRating));

            store.insertFigures(batch, key, "SITE", site.code(), ReviewStore.CURRENT, site.name(), site.regionCode(), now.stats,
                    figures, Median.of(now.resolutionHours), rating.rating(), change);
            store.insertFigures(batch, key, "SITE", site.code(), ReviewStore.PREVIOUS, site.name(), site.regionCode(), before.stats,
                    previousFigures, Median.of(before.resolutionHours), previousRating, null);
            store.insertDetails(batch, key, "SITE", site.code(), now.stats, figures);
            store.insertSiteAssessment(batch, key, site.code(), figures, rating, warnings);
            rollUp.add(site.regionCode(), now.stats, before.stats);
        }
        store.flush(batch);
    }

    /** A site's statistics for one period, and its resolution hours for the median. */
    static final class SiteRows {
        final ScopeStats stats = new ScopeStats();
        final List<BigDecimal> resolutionHours = new ArrayList<>();
    }

    private Map<String, SiteRows> read(List<? extends ReviewReference.Site> sites, ReviewKey.Bounds bounds) {
        Map<String, SiteRows> bySite = new LinkedHashMap<>();
        sites.forEach(site -> bySite.put(site.code(), new SiteRows()));
        String first = sites.get(0).code();
        String last = sites.get(sites.size() - 1).code();
        // A code range covers the chunk's sites and perhaps inactive ones between them, skipped here.
        jdbc.query("SELECT site_code, csat, nps, reliability, responsiveness, assurance, empathy, tangibles, complaint,"
                + " category, first_contact_resolved, resolution_hours FROM feedback"
                + " WHERE site_code BETWEEN ? AND ? AND submitted_at >= ? AND submitted_at < ?", row -> {
            SiteRows site = bySite.get(row.getString(1));
            if (site == null) {
                return;
            }
            BigDecimal hours = row.getBigDecimal(12);
            site.stats.feedback().add(new FeedbackFact(integer(row, 2), integer(row, 3), integer(row, 4), integer(row, 5),
                    integer(row, 6), integer(row, 7), integer(row, 8), row.getBoolean(9), row.getString(10),
                    (Boolean) row.getObject(11), hours));
            if (hours != null) {
                site.resolutionHours.add(hours);
            }
        }, first, last, utc(bounds.from()), utc(bounds.until()));
        jdbc.query("SELECT site_code, audit_id, criterion_code, result FROM audit_item"
                + " WHERE site_code BETWEEN ? AND ? AND audited_on >= ? AND audited_on < ?", row -> {
            SiteRows site = bySite.get(row.getString(1));
            Criterion criterion = reference.criteriaByCode().get(row.getString(3));
            if (site != null && criterion != null) {
                site.stats.audits().add(row.getString(2), criterion, AuditResult.valueOf(row.getString(4)));
            }
        }, first, last, bounds.firstDay(), bounds.endDay());
        jdbc.query("SELECT site_code, kpi_code, measured_on, measured_value FROM kpi_measurement"
                + " WHERE site_code BETWEEN ? AND ? AND measured_on >= ? AND measured_on < ?", row -> {
            SiteRows site = bySite.get(row.getString(1));
            KpiDefinition definition = reference.kpisByCode().get(row.getString(2));
            if (site != null && definition != null) {
                site.stats.kpi(definition).add(row.getObject(3, java.time.LocalDate.class), row.getBigDecimal(4));
            }
        }, first, last, bounds.firstDay(), bounds.endDay());
        return bySite;
    }

    private static Integer integer(java.sql.ResultSet row, int column) throws java.sql.SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Region statistics of both periods, merged site by site. */
    static final class RollUp implements java.io.Serializable {
        final Map<String, ScopeStats> current = new HashMap<>();
        final Map<String, ScopeStats> previous = new HashMap<>();

        void add(String region, ScopeStats now, ScopeStats before) {
            current.computeIfAbsent(region, r -> new ScopeStats()).merge(now);
            previous.computeIfAbsent(region, r -> new ScopeStats()).merge(before);
        }
    }
}
