package com.qualityreview.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.qualityreview.security.AuditLog;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.JobOutcome;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code import <kind> <file>}: imports one file and prints read / written / rejected. */
@Component
class ImportCommand implements Command, JobOutcome {

    private final Imports imports;
    private final AuditLog audit;

    ImportCommand(Imports imports, AuditLog audit) {
        this.imports = imports;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "<kind> <file>    import one CSV file; kinds: " + ImportKind.names();
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        if (arguments.size() != 2) {
            throw new CommandException("import needs a kind and a file: import <kind> <file> (kinds: " + ImportKind.names() + ")");
        }
        ImportKind kind = ImportKind.named(arguments.get(0));
        JobExecution execution = imports.run(kind, Path.of(arguments.get(1)));
        // An import that did not complete throws here; the command line records that failure.
        int status = print(execution);
        audit.record("import", ImportRequest.from(execution.getJobParameters()).toString(), "COMPLETED (execution "
                + execution.getId() + "): " + ImportOutcome.countsOf(execution).map(ImportCounts::toString).orElse(""));
        return status;
    }

    @Override
    public boolean audited() {
        return true;
    }

    @Override
    public String jobName() {
        return ImportJobConfiguration.JOB_NAME;
    }

    @Override
    public Optional<String> counts(JobExecution execution) {
        return ImportOutcome.countsOf(execution).map(ImportCounts::toString);
    }

    @Override
    public int print(JobExecution execution) {
        ImportRequest request = ImportRequest.from(execution.getJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new CommandException(ImportOutcome.failureMessage(execution)
                    + " (execution " + execution.getId() + ", status " + execution.getStatus() + ")");
        }
        ImportCounts counts = ImportOutcome.countsOf(execution).orElseThrow();
        System.out.println(request.fileName() + ": " + counts);
        if (counts.rejected() > 0) {
            Path rejects = RejectsFile.pathFor(request.file());
            System.out.println("rejected rows with line, column and reason: " + rejects);
        }
        return 0;
    }
}
