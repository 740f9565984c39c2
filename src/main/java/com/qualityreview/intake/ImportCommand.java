package com.qualityreview.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.intake.job.ImportJobConfiguration;
import com.qualityreview.intake.job.RejectsFile;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandSpec;
import com.qualityreview.system.UsageException;
import com.qualityreview.system.JobOutcome;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code import <kind> <file>}: imports one file and prints read / written / rejected. */
@Component
public class ImportCommand implements Command, JobOutcome {

    public static final CommandSpec SPEC = new CommandSpec("import", List.of("<kind>", "<file>"),
            "import one CSV file (kinds: " + ImportKind.names() + "); print read / written / rejected and where the rejects file is",
            List.of(), (arguments, options) -> kind(arguments.get(0)));

    private final Imports imports;

    ImportCommand(Imports imports) {
        this.imports = imports;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        SPEC.checkWords(arguments, Map.of());
        ImportKind kind = kind(arguments.get(0));
        // An import that did not complete throws; the command line records that failure.
        return print(imports.importFile(kind, Path.of(arguments.get(1))));
    }

    @Override
    public boolean audited() {
        return true;
    }

    /** A kind as typed on the command line; an unknown one is a usage error. */
    private static ImportKind kind(String name) {
        try {
            return ImportKind.named(name);
        }
        catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
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
            // In full (the request's file is): the file may have been named relative to the current folder.
            Path rejects = RejectsFile.pathFor(request.file());
            System.out.println("rejected rows with line, column and reason: " + rejects);
        }
        return 0;
    }
}
