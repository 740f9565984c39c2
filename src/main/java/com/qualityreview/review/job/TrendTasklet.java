package com.qualityreview.review.job;

import com.qualityreview.review.SiteSummaryWriter;
import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.metrics.TrendPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 12-period trends of CSAT, NPS and complaint rate for every site, region and the
 * organisation: one grouped query per period sums each site's rows, and sites add up to regions.
 */
class TrendTasklet implements Tasklet {

    static final int PERIODS = 12;

    /** The sums of one period's feedback, by site. */
    private static final String SUM_FEEDBACK_PER_SITE = """
            SELECT site_code, COUNT(*), SUM(csat), COUNT(csat), SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END),
            SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END), COUNT(nps), SUM(CASE WHEN complaint THEN 1 ELSE 0 END)
            FROM feedback WHERE submitted_at >= ? AND submitted_at < ? GROUP BY site_code""";
    private static final String DELETE_TRENDS = """
            DELETE FROM review_trend WHERE period = ? AND revision = ?""";
    private static final String INSERT_TREND = """
            INSERT INTO review_trend (period, revision, scope_type, scope_code, trend_period, position,
            feedback_count, csat_mean, nps, complaint_rate_pct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final ReviewRun key;

    TrendTasklet(JdbcTemplate jdbc, ReviewRun key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // The reviewed sites, in the regions they were summarised in (not the sites active now).
        List<ReviewReference.Site> sites = ReviewReference.summarisedSites(jdbc, key);
        List<Period> periods = key.period().trailing(PERIODS);
        List<Object[]> rows = new ArrayList<>();
        for (int position = 0; position < periods.size(); position++) {
            ReviewRun.Bounds bounds = ReviewRun.Bounds.of(periods.get(position), key.zone());
            Map<String, TrendPoint> bySite = new HashMap<>();
            jdbc.query(SUM_FEEDBACK_PER_SITE, row -> {
                bySite.put(row.getString(1), new TrendPoint(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6), row.getLong(7), row.getLong(8)));
            }, SiteSummaryWriter.utc(bounds.from()), SiteSummaryWriter.utc(bounds.until()));
            Map<String, TrendPoint> byRegion = new TreeMap<>();
            TrendPoint organisation = TrendPoint.EMPTY;
            for (ReviewReference.Site site : sites) {
                TrendPoint point = bySite.getOrDefault(site.code(), TrendPoint.EMPTY);
                add(rows, "SITE", site.code(), periods.get(position), position, point);
                byRegion.merge(site.regionCode(), point, TrendPoint::plus);
                organisation = organisation.plus(point);
            }
            for (Map.Entry<String, TrendPoint> region : byRegion.entrySet()) {
                add(rows, "REGION", region.getKey(), periods.get(position), position, region.getValue());
            }
            add(rows, RollUpTasklet.ORG, RollUpTasklet.ORG, periods.get(position), position, organisation);
        }
        jdbc.update(DELETE_TRENDS, key.periodText(), key.revision());
        jdbc.batchUpdate(INSERT_TREND, rows);
        return RepeatStatus.FINISHED;
    }

    private void add(List<Object[]> rows, String type, String code, Period period, int position, TrendPoint point) {
        rows.add(new Object[] {key.periodText(), key.revision(), type, code, period.toString(), position + 1,
                point.feedbackCount(), stored(point.csatMean()), stored(point.nps()), stored(point.complaintRatePct())});
    }

    private static BigDecimal stored(Optional<BigDecimal> value) {
        return value.map(v -> v.setScale(ReviewStore.STORED_SCALE, RoundingMode.HALF_UP)).orElse(null);
    }
}
