package com.qualityreview.demo;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.intake.ImportCounts;
import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.Reviews;
import com.qualityreview.system.Audited;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.CommandSpec;
import com.qualityreview.system.UsageException;
import com.qualityreview.system.Folders;
import com.qualityreview.system.JobOutcome;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code demo}: writes the bundled demo data (40 sites, 13 months, some bad rows) to
 * {@code ./demo-data}, imports it and reviews its latest month, the month before the current one.
 */
@Component
public class DemoCommand implements Command {

    public static final CommandSpec SPEC = new CommandSpec("demo", List.of(),
            "write the demo data (40 sites, 13 months, some bad rows), import it and review its latest month; with --serve, then"
                    + " serve the console with a one-time admin login printed",
            List.of(CommandSpec.Option.valued("demo.month", "2026-10", "the latest month of the data (default: last month)"),
                    CommandSpec.Option.valued("demo.folder", "demo-data", "where the data files are written (default: ./demo-data)"),
                    CommandSpec.Option.flag("serve", "then serve the console, the API and the schedules until stopped")),
            (arguments, options) -> {
                if (options.containsKey("demo.month")) {
                    month(options.get("demo.month"));
                }
            });

    private final Imports imports;
    private final Reviews reviews;
    private final QualityProperties properties;
    private final List<JobOutcome> outcomes;
    private final ApplicationEventPublisher events;

    DemoCommand(Imports imports, Reviews reviews, QualityProperties properties, List<JobOutcome> outcomes,
            ApplicationEventPublisher events) {
        this.imports = imports;
        this.reviews = reviews;
        this.properties = properties;
        this.outcomes = outcomes;
        this.events = events;
    }

    @Override
    public boolean audited() {
        return true;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public boolean thenServe(ApplicationArguments options) {
        return options.containsOption("serve");
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        SPEC.checkWords(arguments, Map.of());
        YearMonth month = options.containsOption("demo.month") ? month(options.getOptionValues("demo.month").get(0))
                : YearMonth.now(properties.zoneId()).minusMonths(1);
        // Before anything is imported: a review that cannot write its results would only fail at its end.
        Folders.requireWritable("quality.reports-dir", properties.reportsDir());
        Path folder = Path.of(options.containsOption("demo.folder") ? options.getOptionValues("demo.folder").get(0) : "demo-data");
        DemoFiles files = DemoData.writeTo(folder, month);
        System.out.println("demo data for " + DemoData.MONTHS + " months up to " + month + " written to " + folder.toAbsolutePath());
        List<ImportKind> kinds = List.of(ImportKind.SITES, ImportKind.CRITERIA, ImportKind.KPI_DEFINITIONS,
                ImportKind.FEEDBACK, ImportKind.AUDITS, ImportKind.KPIS);
        List<Path> paths = files.inImportOrder();
        long read = 0;
        long written = 0;
        long rejected = 0;
        for (int i = 0; i < kinds.size(); i++) {
            JobExecution execution = imports.run(kinds.get(i), paths.get(i));
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new CommandException(imports.failureMessage(execution));
            }
            ImportCounts counts = imports.counts(execution).orElseThrow();
            read += counts.read();
            written += counts.written();
            rejected += counts.rejected();
            System.out.println("  " + paths.get(i).getFileName() + ": " + counts
                    + (counts.rejected() > 0 ? " (see " + paths.get(i).getFileName() + ".rejects.csv)" : ""));
        }
        JobExecution review = reviews.start(Period.month(month.getYear(), month.getMonthValue()), Optional.empty());
        // A review that did not complete throws here; the command line records that failure.
        int status = outcomes.stream().filter(outcome -> outcome.jobName().equals(review.getJobInstance().getJobName()))
                .findFirst().orElseThrow().print(review);
        events.publishEvent(new Audited("demo", month + " from " + folder.toAbsolutePath().normalize(), kinds.size()
                + " files imported (read " + read + ", written " + written + ", rejected " + rejected + "); review of " + month + " r"
                + ReviewRun.from(review.getJobParameters()).revision() + " COMPLETED (execution " + review.getId() + ")"
                + (status == 0 ? "" : ", exit status " + status)));
        return status;
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new UsageException("--demo.month: '" + text + "' is not a month such as 2026-10");
        }
    }
}
