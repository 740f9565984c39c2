package com.qualityreview.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Region and organisation figures from the merged site statistics of the summarise step, their
 * resolution-hours medians from one ordered, streamed pass over the values per scope, and how many
 * sites hold each rating.
 */
class RollUpTasklet implements Tasklet {

    static final String ORG = "ORG";

    private final JdbcTemplate jdbc;
    private final ReviewStore store;
    private final ReviewKey key;
    private final QualityIndexWeights weights;
    private final String organisationName;

    RollUpTasklet(JdbcTemplate streamingJdbc, ReviewStore store, ReviewKey key, QualityIndexWeights weights, String organisationName) {
        this.jdbc = streamingJdbc;
        this.store = store;
        this.key = key;
        this.weights = weights;
        this.organisationName = organisationName;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
        SiteSummaryWriter.RollUp rollUp = jobContext.containsKey(SiteSummaryWriter.ROLL_UP)
                ? (SiteSummaryWriter.RollUp) jobContext.get(SiteSummaryWriter.ROLL_UP) : new SiteSummaryWriter.RollUp();
        ReviewReference reference = ReviewReference.load(jdbc);

        ReviewStore.Batch batch = new ReviewStore.Batch();
        ScopeStats orgNow = new ScopeStats();
        ScopeStats orgBefore = new ScopeStats();
        for (String region : new TreeMap<>(rollUp.current).keySet()) {
            ScopeStats now = rollUp.current.get(region);
            ScopeStats before = rollUp.previous.get(region);
            String name = reference.regionNames().getOrDefault(region, region);
            storeScope(batch, "REGION", region, name, now, before, reference, region);
            orgNow.merge(now);
            orgBefore.merge(before);
        }
        storeScope(batch, ORG, ORG, organisationName, orgNow, orgBefore, reference, null);
        store.flush(batch);

        Map<String, List<Rating>> ratingsByRegion = new TreeMap<>();
        List<Rating> all = new ArrayList<>();
        jdbc.query("SELECT region_code, rating FROM review_figures WHERE period = ? AND revision = ? AND scope_type = 'SITE'"
                + " AND period_role = 'CURRENT'", row -> {
            Rating rating = Rating.parse(row.getString(2));
            ratingsByRegion.computeIfAbsent(row.getString(1), r -> new ArrayList<>()).add(rating);
            all.add(rating);
        }, key.periodText(), key.revision());
        ratingsByRegion.forEach((region, ratings) -> store.insertRatingCounts(key, "REGION", region, RatingDistribution.of(ratings)));
        store.insertRatingCounts(key, ORG, ORG, RatingDistribution.of(all));
        return RepeatStatus.FINISHED;
    }

    private void storeScope(ReviewStore.Batch batch, String type, String code, String name, ScopeStats now, ScopeStats before,
            ReviewReference reference, String region) {
        ScopeFigures figures = now.figures(reference.kpis(), reference.criteria(), weights);
        ScopeFigures previousFigures = before.figures(reference.kpis(), reference.criteria(), weights);
        store.insertFigures(batch, key, type, code, ReviewStore.CURRENT, name, region, now, figures,
                median(region, key.current(), now.feedback().resolutionHoursCount()), null, null);
        store.insertFigures(batch, key, type, code, ReviewStore.PREVIOUS, name, region, before, previousFigures,
                median(region, key.previous(), before.feedback().resolutionHoursCount()), null, null);
        store.insertDetails(batch, key, type, code, now, figures);
    }

    /** The values come sorted from the database and are read only up to the middle. */
    private Optional<BigDecimal> median(String region, ReviewKey.Bounds bounds, long count) {
        if (count == 0) {
            return Optional.empty();
        }
        String sql = "SELECT f.resolution_hours FROM feedback f JOIN site s ON s.site_code = f.site_code"
                + " WHERE s.active = TRUE AND f.submitted_at >= ? AND f.submitted_at < ? AND f.resolution_hours IS NOT NULL"
                + (region == null ? "" : " AND s.region_code = ?") + " ORDER BY f.resolution_hours";
        Object[] args = region == null
                ? new Object[] {SiteSummaryWriter.utc(bounds.from()), SiteSummaryWriter.utc(bounds.until())}
                : new Object[] {SiteSummaryWriter.utc(bounds.from()), SiteSummaryWriter.utc(bounds.until()), region};
        try (Stream<BigDecimal> values = jdbc.queryForStream(sql, (row, n) -> row.getBigDecimal(1), args)) {
            return Median.ofSorted(values, count);
        }
    }
}
