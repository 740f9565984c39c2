package com.qualityreview.review.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.metrics.FairRanking;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fair ranking of the reviewed sites ({@link FairRanking}) from the CSAT counts the summarise
 * step stored per site: one row per site read, so memory grows with sites, not rows. The ranking of
 * the (period, revision) is replaced in the step's one transaction, so a restart or a re-run stores
 * exactly the same rows.
 */
class RankSitesTasklet implements Tasklet {

    private static final String SELECT_SITE_ANSWERS = """
            SELECT scope_code, region_code, csat_1, csat_2, csat_3, csat_4, csat_5 FROM review_figures
            WHERE period = ? AND revision = ? AND scope_type = 'SITE' AND period_role = 'CURRENT'""";
    private static final String DELETE_RANKS = """
            DELETE FROM review_site_rank WHERE period = ? AND revision = ?""";
    private static final String INSERT_RANK = """
            INSERT INTO review_site_rank (period, revision, site_code, region_code, csat_count, csat_mean, weight,
            shrunk_csat_mean, fair_rank, region_rank, raw_rank, k) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    RankSitesTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReviewRun key = ReviewRun.from(contribution.getStepExecution().getJobParameters());
        List<FairRanking.SiteAnswers> sites = jdbc.query(SELECT_SITE_ANSWERS, (row, n) -> FairRanking.SiteAnswers.ofCounts(
                row.getString(1), row.getString(2), new long[] {row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
                        row.getLong(7)}), key.periodText(), key.revision());
        FairRanking.Result ranking = FairRanking.rank(sites);
        // The review's k on each ranked site's row; a site without answers has no value at all.
        BigDecimal k = ReviewStore.stored(ranking.estimate().k());
        List<Object[]> rows = new ArrayList<>();
        for (FairRanking.Ranked site : ranking.sites()) {
            rows.add(new Object[] {key.periodText(), key.revision(), site.site().siteCode(), site.site().regionCode(),
                    site.site().count(), ReviewStore.stored(site.mean()), ReviewStore.stored(site.weight()),
                    ReviewStore.stored(site.shrunkMean()),
                    site.rank().orElse(null), site.regionRank().orElse(null), site.rawRank().orElse(null),
                    site.rank().isPresent() ? k : null});
        }
        jdbc.update(DELETE_RANKS, key.periodText(), key.revision());
        jdbc.batchUpdate(INSERT_RANK, rows);
        contribution.incrementWriteCount(rows.size());
        return RepeatStatus.FINISHED;
    }
}
