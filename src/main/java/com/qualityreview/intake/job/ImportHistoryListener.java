package com.qualityreview.intake.job;

import com.qualityreview.intake.ImportOutcome;
import com.qualityreview.intake.ImportRequest;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Keeps the import's row of history: started (again, for a restart) before the first step, and
 * failed, with the one-line reason, when the import ends unsuccessfully. Its completion is
 * recorded by the last step, with the counts.
 */
class ImportHistoryListener implements JobExecutionListener {

    private final ImportHistory history;

    ImportHistoryListener(ImportHistory history) {
        this.history = history;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ImportRequest request = ImportRequest.from(execution.getJobParameters());
        history.started(execution.getJobInstance().getInstanceId(), request.kind(), request.file().toString());
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus().isUnsuccessful()) {
            history.failed(execution.getJobInstance().getInstanceId(), ImportOutcome.failureMessage(execution));
        }
    }
}
