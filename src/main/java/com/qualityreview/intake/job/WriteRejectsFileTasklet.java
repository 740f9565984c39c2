package com.qualityreview.intake.job;

import com.qualityreview.intake.ImportCounts;
import com.qualityreview.intake.ImportOutcome;
import com.qualityreview.intake.ImportRequest;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import's last step: checks that every row the check step counted was read, and written or
 * rejected; writes the rejects file ({@link RejectsFile}); records the import as completed with
 * its counts; and ends COMPLETED_WITH_REJECTS when rows were rejected.
 */
class WriteRejectsFileTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final ImportHistory history;

    WriteRejectsFileTasklet(JdbcTemplate jdbc, ImportHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        JobExecution job = step.getJobExecution();
        long instanceId = job.getJobInstance().getInstanceId();
        ImportCounts counts = ImportOutcome.counts(job.getExecutionContext());
        long total = job.getExecutionContext().getLong(ImportContext.TOTAL);
        if (!counts.balanced() || counts.read() != total) {
            throw new IllegalStateException("row counts do not add up: " + counts + " of " + total
                    + " rows in the file; the import is not complete");
        }
        RejectsFile.write(jdbc, instanceId, ImportRequest.from(job.getJobParameters()).file(), counts.rejected());
        history.completed(instanceId, counts);
        contribution.setExitStatus(counts.rejected() > 0
                ? new ExitStatus("COMPLETED_WITH_REJECTS") : ExitStatus.COMPLETED);
        return RepeatStatus.FINISHED;
    }
}
