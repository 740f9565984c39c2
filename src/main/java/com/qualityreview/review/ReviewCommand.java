package com.qualityreview.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.review.job.ReviewJobConfiguration;
import com.qualityreview.review.job.WriteSummaryCsvTasklet;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandSpec;
import com.qualityreview.system.UsageException;
import com.qualityreview.system.JobOutcome;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code review <period> [--revision=N]}: runs the quality review and prints where the results went. */
@Component
public class ReviewCommand implements Command, JobOutcome {

    public static final CommandSpec SPEC = new CommandSpec("review", List.of("<period>"),
            "review a period (2026-10, 2026-Q3 or 2026-W42) as a new revision; print the ratings and where the results went",
            List.of(CommandSpec.Option.valued("revision", "N", "review as revision N: a finished one is run again (its results"
                    + " replaced), a running one refused")),
            (arguments, options) -> {
                period(arguments.get(0));
                if (options.containsKey("revision")) {
                    revision(options.get("revision"));
                }
            });

    private final Reviews reviews;

    ReviewCommand(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        SPEC.checkWords(arguments, Map.of());
        Period period = period(arguments.get(0));
        Optional<Integer> revision = revision(options);
        // A review that did not complete throws; the command line records that failure.
        return print(reviews.review(period, revision));
    }

    @Override
    public boolean audited() {
        return true;
    }

    /** A period as typed on the command line; a bad one is a usage error. */
    public static Period period(String text) {
        try {
            return Period.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Optional<Integer> revision(ApplicationArguments options) {
        return options.containsOption("revision") ? Optional.of(revision(options.getOptionValues("revision").get(0))) : Optional.empty();
    }

    /** {@code --revision} as typed on the command line; a bad one is a usage error. */
    public static int revision(String value) {
        try {
            return Reviews.parseRevision(value);
        }
        catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
    }

    @Override
    public String jobName() {
        return ReviewJobConfiguration.JOB_NAME;
    }

    @Override
    public Optional<String> counts(JobExecution execution) {
        return reviews.siteCount(ReviewRun.from(execution.getJobParameters()));
    }

    @Override
    public int print(JobExecution execution) {
        return print(reviews.reviewed(execution));
    }

    private int print(Reviews.Reviewed reviewed) {
        JobExecution execution = reviewed.execution();
        ReviewRun key = reviewed.run();
        Path summary = Path.of(execution.getExecutionContext().getString(WriteSummaryCsvTasklet.SUMMARY_FILE));
        System.out.println("review of " + key.period() + " revision " + key.revision() + ": COMPLETED (execution "
                + execution.getId() + ")");
        System.out.println("ratings: " + String.join(", ", Reviews.summaryLines(reviews.ratingCounts(key.period(), key.revision()))));
        System.out.println("results: " + summary.getParent() + System.getProperty("file.separator"));
        System.out.println("  " + summary.getFileName());
        try (var files = Files.list(summary.getParent())) {
            List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
            // The other figures behind the reports: drivers.csv, ranking.csv, warnings.csv.
            names.stream().filter(name -> name.endsWith(".csv") && !name.equals(summary.getFileName().toString()))
                    .forEach(name -> System.out.println("  " + name));
            long pdfs = names.stream().filter(name -> name.endsWith(".pdf")).count();
            if (pdfs > 0) {
                System.out.println("  " + pdfs + " PDF reports (executive, region-<code>, site-<code>; one per language)");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reviewed.outcomeLines().forEach(System.out::println);
        // Steps ran, but something needs a person (failed deliveries): say so in the exit status.
        return reviewed.exitStatus();
    }
}
