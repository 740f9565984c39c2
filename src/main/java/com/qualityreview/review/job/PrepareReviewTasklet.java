package com.qualityreview.review.job;

import com.qualityreview.review.ReviewRun;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review's first step: deletes what an earlier run of the revision stored, and records the
 * sites reviewed ({@link ReviewedSites}) for this execution and its restarts.
 */
class PrepareReviewTasklet implements Tasklet {

    private final ReviewStore store;
    private final JdbcTemplate jdbc;

    PrepareReviewTasklet(ReviewStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // The run was claimed before the first step; a revision run again starts clean.
        store.deleteResults(ReviewRun.from(contribution.getStepExecution().getJobParameters()));
        // The sites reviewed are fixed now, for this execution and its restarts.
        ReviewedSites.record(contribution.getStepExecution().getJobExecution().getExecutionContext(),
                ReviewReference.activeSites(jdbc));
        return RepeatStatus.FINISHED;
    }
}
