package com.qualityreview.review.job;

import java.util.List;

import com.qualityreview.review.ReviewRun;
import com.qualityreview.system.ProgressLog;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/** Logs the summarise step's progress in sites at most every 10 s. */
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
        progress = ProgressLog.forStep(stepExecution, "review " + run.periodText(), "sites", reviewedSites(stepExecution, run),
                alreadyDone);
    }

    /** The sites recorded when the review started (the active ones for a review that recorded none). */
    private int reviewedSites(StepExecution stepExecution, ReviewRun run) {
        return ReviewedSites.recorded(stepExecution.getJobExecution().getExecutionContext(), run).map(List::size)
                .orElseGet(() -> jdbc.queryForObject(COUNT_ACTIVE_SITES, Integer.class));
    }

    @Override
    public void afterChunk(Chunk<ReviewReference.Site> chunk) {
        progress.update(alreadyDone + step.getWriteCount());
    }
}
