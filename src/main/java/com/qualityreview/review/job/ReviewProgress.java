package com.qualityreview.review.job;

import java.util.List;

import com.qualityreview.review.ReviewRun;
import com.qualityreview.system.Progress;
import com.qualityreview.system.ProgressLog;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Logs the progress in sites of a partition of the summarise step at most every 10 s. */
final class ReviewProgress implements StepExecutionListener, ChunkListener<ReviewReference.Site, ReviewReference.Site> {

    private static final String COUNT_ACTIVE_SITES = """
            SELECT COUNT(*) FROM site WHERE active = TRUE""";

    private final JdbcTemplate jdbc;
    private StepExecution step;
    private ProgressLog progress;
    private long alreadyDone;

    ReviewProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        var context = stepExecution.getExecutionContext();
        alreadyDone = context.getLong(SiteReader.SITES_DONE, context.getInt(ReviewContext.V1_READ_COUNT, 0));
        ReviewRun run = ReviewRun.from(stepExecution.getJobParameters());
        long total = context.containsKey(SiteRangePartitioner.SITES) ? context.getInt(SiteRangePartitioner.SITES)
                : reviewedSites(stepExecution, run, jdbc);
        progress = ProgressLog.forStep(stepExecution, "review " + run.periodText() + " " + stepExecution.getStepName(), "sites", total,
                alreadyDone);
    }

    /** The sites recorded when the review started (the active ones for a review that recorded none). */
    static int reviewedSites(StepExecution stepExecution, ReviewRun run, JdbcTemplate jdbc) {
        return ReviewedSites.recorded(stepExecution.getJobExecution().getExecutionContext(), run).map(List::size)
                .orElseGet(() -> jdbc.queryForObject(COUNT_ACTIVE_SITES, Integer.class));
    }

    /**
     * The progress of the partitioned summarise step: all the sites reviewed, those of partitions
     * completed by earlier executions (and of a legacy step's committed chunks) already done, plus what
     * its partitions do now.
     */
    static StepExecutionListener ofPartitioned(JdbcTemplate jdbc, JobRepository repository, String workerStep) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution manager) {
                ReviewRun run = ReviewRun.from(manager.getJobParameters());
                ExecutionContext context = manager.getExecutionContext();
                long done = LegacySummary.isIn(context) ? LegacySummary.sitesDone(context) : 0;
                for (StepExecution partition : PartitionExecutions.lastOfEach(repository, manager, workerStep, List.of()).values()) {
                    if (partition.getStatus() == BatchStatus.COMPLETED) {
                        done += partition.getExecutionContext().getLong(SiteReader.SITES_DONE, 0L);
                    }
                }
                Progress.recordPartitioned(manager, reviewedSites(manager, run, jdbc), "sites", done, workerStep);
            }
        };
    }

    @Override
    public void afterChunk(Chunk<ReviewReference.Site> chunk) {
        progress.update(alreadyDone + step.getWriteCount());
    }
}
