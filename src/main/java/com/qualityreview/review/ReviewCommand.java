package com.qualityreview.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.qualityreview.review.job.ReviewJobConfiguration;
import com.qualityreview.review.job.WriteSummaryCsvTasklet;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.JobOutcome;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code review <period> [--revision=N]}: runs the quality review and prints where the results went. */
@Component
class ReviewCommand implements Command, JobOutcome {

    private final Reviews reviews;

    ReviewCommand(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public String name() {
        return "review";
    }

    @Override
    public String usage() {
        return "<period> [--revision=N]    run the quality review of 2026-10, 2026-Q3 or 2026-W42";
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        if (arguments.size() != 1) {
            throw new CommandException("review needs one period: review <period> [--revision=N], e.g. review 2026-10");
        }
        Period period = period(arguments.get(0));
        Optional<Integer> revision = revision(options);
        // A review that did not complete throws; the command line records that failure.
        return print(reviews.review(period, revision));
    }

    @Override
    public boolean audited() {
        return true;
    }

    static Period period(String text) {
        try {
            return Period.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    static Optional<Integer> revision(ApplicationArguments options) {
        if (!options.containsOption("revision")) {
            return Optional.empty();
        }
        String value = options.getOptionValues("revision").get(0);
        try {
            return Optional.of(Reviews.parseRevision(value));
        }
        catch (IllegalArgumentException e) {
            throw new CommandException("--" + e.getMessage());
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
            long pdfs = files.filter(file -> file.getFileName().toString().endsWith(".pdf")).count();
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
