package com.qualityreview.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.qualityreview.intake.job.ImportJobConfiguration;
import com.qualityreview.intake.job.RejectsFile;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.JobOutcome;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code import <kind> <file>}: imports one file and prints read / written / rejected. */
@Component
class ImportCommand implements Command, JobOutcome {

    private final Imports imports;

    ImportCommand(Imports imports) {
        this.imports = imports;
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
        // An import that did not complete throws; the command line records that failure.
        return print(imports.importFile(kind, Path.of(arguments.get(1))));
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
        return print(imports.imported(execution));
    }

    private static int print(Imports.Imported imported) {
        ImportRequest request = imported.request();
        ImportCounts counts = imported.counts();
        System.out.println(request.fileName() + ": " + counts);
        if (counts.rejected() > 0) {
            Path rejects = RejectsFile.pathFor(request.file());
            System.out.println("rejected rows with line, column and reason: " + rejects);
        }
        return 0;
    }
}
