package com.qualityreview.demo;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import com.qualityreview.intake.ImportCounts;
import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.JobOutcome;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code demo}: writes the bundled demo data (40 sites, 13 months, some bad rows) to
 * {@code ./demo-data}, imports it and reviews its latest month, the month before the current one.
 */
@Component
class DemoCommand implements Command {

    private final Imports imports;
    private final Reviews reviews;
    private final QualityProperties properties;
    private final List<JobOutcome> outcomes;

    DemoCommand(Imports imports, Reviews reviews, QualityProperties properties, List<JobOutcome> outcomes) {
        this.imports = imports;
        this.reviews = reviews;
        this.properties = properties;
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "[--demo.month=2026-10] [--demo.folder=demo-data] [--serve]    load the demo data into the database and review its latest month;"
                + " with --serve, then run the console (login printed)";
    }

    @Override
    public boolean thenServe(ApplicationArguments options) {
        return options.containsOption("serve");
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        YearMonth month = options.containsOption("demo.month")
                ? YearMonth.parse(options.getOptionValues("demo.month").get(0))
                : YearMonth.now(properties.zoneId()).minusMonths(1);
        Path folder = Path.of(options.containsOption("demo.folder") ? options.getOptionValues("demo.folder").get(0) : "demo-data");
        DemoFiles files = DemoData.writeTo(folder, month);
        System.out.println("demo data for " + DemoData.MONTHS + " months up to " + month + " written to " + folder.toAbsolutePath());
        List<ImportKind> kinds = List.of(ImportKind.SITES, ImportKind.CRITERIA, ImportKind.KPI_DEFINITIONS,
                ImportKind.FEEDBACK, ImportKind.AUDITS, ImportKind.KPIS);
        List<Path> paths = files.inImportOrder();
        for (int i = 0; i < kinds.size(); i++) {
            JobExecution execution = imports.run(kinds.get(i), paths.get(i));
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new CommandException(imports.failureMessage(execution));
            }
            ImportCounts counts = imports.counts(execution).orElseThrow();
            System.out.println("  " + paths.get(i).getFileName() + ": " + counts
                    + (counts.rejected() > 0 ? " (see " + paths.get(i).getFileName() + ".rejects.csv)" : ""));
        }
        JobExecution review = reviews.start(Period.month(month.getYear(), month.getMonthValue()), Optional.empty());
        return outcomes.stream().filter(outcome -> outcome.jobName().equals(review.getJobInstance().getJobName()))
                .findFirst().orElseThrow().print(review);
    }
}
