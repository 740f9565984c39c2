package com.qualityreview.review.job;

import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.ReviewRuns;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Claims the review run (its period and revision) before the first step and ends the claim with
 * the execution's status and the folder of its files. Every execution claims the review, a
 * restart too: one whose process died may have been taken over by another execution of the same
 * period and revision.
 */
class ReviewRunClaimListener implements JobExecutionListener {

    private final ReviewRuns runs;

    ReviewRunClaimListener(ReviewRuns runs) {
        this.runs = runs;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        runs.claim(ReviewRun.from(execution.getJobParameters()), execution.getJobInstance().getInstanceId(), execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        String folder = execution.getExecutionContext().containsKey(WriteSummaryCsvTasklet.SUMMARY_FILE)
                ? Path.of(execution.getExecutionContext().getString(WriteSummaryCsvTasklet.SUMMARY_FILE)).getParent().toString() : null;
        runs.finished(ReviewRun.from(execution.getJobParameters()), execution.getId(), execution.getStatus().name(), folder);
    }
}
