package com.qualityreview.review.job;

import com.qualityreview.review.SiteSummaryWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.review.metrics.ScopeFigures;
import com.qualityreview.review.ScopeStats;
import com.qualityreview.review.rating.Rating;
import com.qualityreview.review.rating.RatingDistribution;
import com.qualityreview.system.DatabaseDialect;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Region and organisation figures from the region sums of the summarise step; their resolution-hours
 * medians and distinct audit counts, which cannot be added up from sites, from the rows of the
 * reviewed sites, computed by the database per region and for the organisation; and how many sites
 * hold each rating. The reviewed sites, with the regions they were summarised in, are those with
 * figures stored, so sites added or deactivated since the review started change nothing.
 */
public class RollUpTasklet implements Tasklet {

    public static final String ORG = "ORG";

    /** The reviewed sites of this review: those the summarise step stored figures for; %s: the alias of the rows joined. */
    private static final String REVIEWED_SITES = """
            JOIN review_figures s ON s.scope_code = %s.site_code AND s.period = ?
            AND s.revision = ? AND s.scope_type = 'SITE' AND s.period_role = 'CURRENT'""";
    private static final String SELECT_SITE_RATINGS = """
            SELECT region_code, rating FROM review_figures WHERE period = ? AND revision = ? AND scope_type = 'SITE'
            AND period_role = 'CURRENT'""";
    /**
     * Per region and of the organisation (GROUPING 1); %s: the dialect's median of f.resolution_hours,
     * {@link #REVIEWED_SITES} of f.
     */
    private static final String SELECT_RESOLUTION_HOURS_MEDIANS = """
            SELECT s.region_code, GROUPING(s.region_code), %s FROM feedback f
            %s WHERE f.submitted_at >= ? AND f.submitted_at < ? AND f.resolution_hours IS NOT NULL
            GROUP BY GROUPING SETS ((s.region_code), ())""";
    /** Per region and of the organisation (GROUPING 1); %s: {@link #REVIEWED_SITES} of a. */
    private static final String COUNT_AUDITS = """
            SELECT s.region_code, GROUPING(s.region_code), COUNT(DISTINCT a.audit_id) FROM audit_item a
            JOIN criterion c ON c.criterion_code = a.criterion_code %s
            WHERE a.audited_on >= ? AND a.audited_on < ? GROUP BY GROUPING SETS ((s.region_code), ())""";

    private final JdbcTemplate jdbc;
    private final ReviewStore store;
    private final ReviewRun key;
    private final QualityIndexWeights weights;
    private final String organisationName;
    private final DatabaseDialect dialect;
    private final long driverMinRows;

    RollUpTasklet(JdbcTemplate streamingJdbc, ReviewStore store, ReviewRun key, QualityIndexWeights weights, String organisationName,
            DatabaseDialect dialect, long driverMinRows) {
        this.driverMinRows = driverMinRows;
        this.jdbc = streamingJdbc;
        this.store = store;
        this.key = key;
        this.weights = weights;
        this.organisationName = organisationName;
        this.dialect = dialect;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
        ReviewReference reference = ReviewReference.load(jdbc);
        RegionSums regions = RegionSums.from(jobContext, key, reference.kpisByCode());
        FromRows now = fromRows(key.current());
        FromRows before = fromRows(key.previous());

        ReviewStore.Batch batch = new ReviewStore.Batch();
        ScopeStats orgNow = new ScopeStats();
        ScopeStats orgBefore = new ScopeStats();
        for (Map.Entry<String, ScopeStats> region : regions.current().entrySet()) {
            String code = region.getKey();
            ScopeStats previous = regions.previous(code);
            String name = reference.regionNames().getOrDefault(code, code);
            storeScope(batch, "REGION", code, name, code, reference, region.getValue(), now.region(code), previous, before.region(code));
            orgNow.merge(region.getValue());
            orgBefore.merge(previous);
        }
        storeScope(batch, ORG, ORG, organisationName, null, reference, orgNow, now.organisation(), orgBefore, before.organisation());
        store.flush(batch);

        Map<String, List<Rating>> ratingsByRegion = new TreeMap<>();
        List<Rating> all = new ArrayList<>();
        jdbc.query(SELECT_SITE_RATINGS, row -> {
            Rating rating = Rating.parse(row.getString(2));
            ratingsByRegion.computeIfAbsent(row.getString(1), r -> new ArrayList<>()).add(rating);
            all.add(rating);
        }, key.periodText(), key.revision());
        ratingsByRegion.forEach((region, ratings) -> store.insertRatingCounts(key, "REGION", region, RatingDistribution.of(ratings)));
        store.insertRatingCounts(key, ORG, ORG, RatingDistribution.of(all));
        store.updateIncompleteSites(key);
        return RepeatStatus.FINISHED;
    }

    private void storeScope(ReviewStore.Batch batch, String type, String code, String name, String region, ReviewReference reference,
            ScopeStats now, ScopeRows nowRows, ScopeStats before, ScopeRows beforeRows) {
        ScopeFigures figures = now.figures(reference.kpis(), reference.criteria(), weights, nowRows.auditCount());
        ScopeFigures previousFigures = before.figures(reference.kpis(), reference.criteria(), weights, beforeRows.auditCount());
        store.insertFigures(batch, key, type, code, ReviewStore.CURRENT, name, region, now, figures, nowRows.median(), null, null,
                null);
        store.insertFigures(batch, key, type, code, ReviewStore.PREVIOUS, name, region, before, previousFigures, beforeRows.median(),
                null, null, null);
        store.insertDetails(batch, key, type, code, now, figures);
        // Every region and the organisation: five rows, with "too few rows" as no r.
        store.insertDrivers(batch, key, type, code, now.feedback().keyDrivers(driverMinRows));
    }

    /** What only the rows give: a scope's resolution-hours median and its distinct audits. */
    record ScopeRows(Optional<BigDecimal> median, long auditCount) {
    }

    record FromRows(Map<String, Optional<BigDecimal>> medians, Map<String, Long> audits, ScopeRows organisation) {
        ScopeRows region(String code) {
            return new ScopeRows(medians.getOrDefault(code, Optional.empty()), audits.getOrDefault(code, 0L));
        }
    }

    /**
     * Two grouped queries per period, each one pass over the rows giving every region (GROUPING 0)
     * and the organisation (GROUPING 1): the medians, and the distinct audits.
     */
    private FromRows fromRows(ReviewRun.Bounds bounds) {
        Map<String, Optional<BigDecimal>> medians = new HashMap<>();
        Map<String, Long> audits = new HashMap<>();
        AtomicReference<Optional<BigDecimal>> organisationMedian = new AtomicReference<>(Optional.empty());
        AtomicLong organisationAudits = new AtomicLong();
        String mediansQuery = SELECT_RESOLUTION_HOURS_MEDIANS.formatted(dialect.median("f.resolution_hours"),
                REVIEWED_SITES.formatted("f"));
        jdbc.query(mediansQuery, row -> {
            Optional<BigDecimal> median = Optional.ofNullable(row.getBigDecimal(3));
            if (row.getInt(2) == 1) {
                organisationMedian.set(median);
            }
            else {
                medians.put(row.getString(1), median);
            }
        }, key.periodText(), key.revision(), SiteSummaryWriter.utc(bounds.from()), SiteSummaryWriter.utc(bounds.until()));
        // Items of a criterion not defined are left out, as the summarise step leaves them out.
        jdbc.query(COUNT_AUDITS.formatted(REVIEWED_SITES.formatted("a")), row -> {
            if (row.getInt(2) == 1) {
                organisationAudits.set(row.getLong(3));
            }
            else {
                audits.put(row.getString(1), row.getLong(3));
            }
        }, key.periodText(), key.revision(), bounds.firstDay(), bounds.endDay());
        return new FromRows(medians, audits, new ScopeRows(organisationMedian.get(), organisationAudits.get()));
    }
}
