package com.qualityreview.intake;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** Starts imports for other features (demo, inbound scan, API) and reads their outcome. */
@Component
public class Imports {

    private final JobOperator jobOperator;
    private final Job importJob;

    Imports(JobOperator jobOperator, Job importJob) {
        this.jobOperator = jobOperator;
        this.importJob = importJob;
    }

    /** Runs the import of one file to its end (or failure). */
    public JobExecution run(ImportKind kind, Path file) throws Exception {
        return ImportCommand.start(jobOperator, importJob, kind, file);
    }

    public Optional<ImportCounts> counts(JobExecution execution) {
        return ImportOutcome.countsOf(execution);
    }

    public String failureMessage(JobExecution execution) {
        return ImportOutcome.failureMessage(execution);
    }
}
