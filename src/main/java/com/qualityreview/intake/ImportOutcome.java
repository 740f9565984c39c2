package com.qualityreview.intake;

import com.qualityreview.intake.csv.ImportFileException;
import com.qualityreview.intake.job.ImportContext;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Reads what an import execution ended with: its counts, or the one-line reason it failed. */
public final class ImportOutcome {

    private ImportOutcome() {
    }

    public static ImportCounts counts(ExecutionContext job) {
        return new ImportCounts(job.getLong(ImportContext.READ, 0L),
                job.getLong(ImportContext.WRITTEN, 0L), job.getLong(ImportContext.REJECTED, 0L));
    }

    public static Optional<ImportCounts> countsOf(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        return context.containsKey(ImportContext.WRITTEN) ? Optional.of(counts(context)) : Optional.empty();
    }

    /** The innermost message of the first failure, which for a bad file is the ImportFileException's own line. */
    public static String failureMessage(JobExecution execution) {
        Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        if (failure == null) {
            return "import " + execution.getStatus().name().toLowerCase();
        }
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof ImportFileException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
