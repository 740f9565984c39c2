package com.qualityreview.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.security.AuditLog;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.Folders;
import com.qualityreview.system.JobOutcome;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code review <period> [--revision=N]}: runs the quality review and prints where the results went. */
@Component
class ReviewCommand implements Command, JobOutcome {

    private final Reviews reviews;
    private final AuditLog audit;
    private final QualityProperties properties;

    ReviewCommand(Reviews reviews, AuditLog audit, QualityProperties properties) {
        this.reviews = reviews;
        this.audit = audit;
        this.properties = properties;
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
        // Before a revision is claimed: a review that cannot write its results would only fail at its end.
        Folders.requireWritable("quality.reports-dir", properties.reportsDir());
        JobExecution execution = reviews.start(period, revision);
        // A review that did not complete throws here; the command line records that failure.
        int status = print(execution);
        audit.record("review", period + " r" + execution.getJobParameters().getLong("revision"), "COMPLETED (execution "
                + execution.getId() + ")" + counts(execution).map(counts -> ": " + counts).orElse("")
                + (status == 3 ? "; exit status 3: " + problems(execution) : ""));
        return status;
    }

    @Override
    public boolean audited() {
        return true;
    }

    private static String problems(JobExecution execution) {
        return execution.getExecutionContext().containsKey(ReviewStepContribution.OUTCOME_LINES)
                ? String.join("; ", execution.getExecutionContext().getString(ReviewStepContribution.OUTCOME_LINES).lines().toList())
                : "completed with problems";
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
        ReviewRun key = ReviewRun.from(execution.getJobParameters());
        Map<String, Long> counts = reviews.ratingCounts(key.period(), key.revision());
        return counts.isEmpty() ? Optional.empty()
                : Optional.of("sites " + counts.values().stream().mapToLong(Long::longValue).sum());
    }

    @Override
    public int print(JobExecution execution) {
        ReviewRun key = ReviewRun.from(execution.getJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            throw new CommandException("review of " + key.period() + " revision " + key.revision() + " " + execution.getStatus()
                    + (failure == null ? "" : ": " + CommandException.oneLine(failure)) + " (execution " + execution.getId() + ")");
        }
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
        if (execution.getExecutionContext().containsKey(ReviewStepContribution.OUTCOME_LINES)) {
            execution.getExecutionContext().getString(ReviewStepContribution.OUTCOME_LINES).lines()
                    .forEach(System.out::println);
        }
        // Steps ran, but something needs a person (failed deliveries): say so in the exit status.
        return execution.getExitStatus().getExitCode().equals(ReviewStepContribution.COMPLETED_WITH_PROBLEMS) ? 3 : 0;
    }
}
