package com.qualityreview.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.qualityreview.system.Audited;
import com.qualityreview.system.BackgroundJobs;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.Folders;
import com.qualityreview.system.Leases;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts reviews and reads what they produced: a person's reviews from the command line, the API
 * and the console (checked, and recorded in the audit log), and the schedule's and the demo's.
 */
@Component
public class Reviews {

    private static final String SELECT_ORGANISATION_RATING_COUNTS = """
            SELECT rating, site_count FROM review_rating_count WHERE period = ? AND revision = ? AND scope_type = 'ORG'""";

    private final JobOperator jobOperator;
    private final BackgroundJobs backgroundJobs;
    private final JobRepository jobRepository;
    private final Job qualityReviewJob;
    private final ReviewRuns runs;
    private final QualityProperties properties;
    private final JdbcTemplate jdbc;
    private final Leases leases;
    private final ApplicationEventPublisher events;

    Reviews(JobOperator jobOperator, BackgroundJobs backgroundJobs, JobRepository jobRepository, Job qualityReviewJob,
            ReviewRuns runs, QualityProperties properties, JdbcTemplate jdbc, Leases leases, ApplicationEventPublisher events) {
        this.jobOperator = jobOperator;
        this.backgroundJobs = backgroundJobs;
        this.jobRepository = jobRepository;
        this.qualityReviewJob = qualityReviewJob;
        this.runs = runs;
        this.properties = properties;
        this.jdbc = jdbc;
        this.leases = leases;
        this.events = events;
    }

    /**
     * A review run to its end that completed: what its contributed steps had to say (failed
     * deliveries, say) and whether any of that needs a person.
     */
    public record Reviewed(JobExecution execution, ReviewRun run, List<String> outcomeLines, boolean withProblems) {

        /** The command line's exit status: 3 when something needs a person. */
        public int exitStatus() {
            return withProblems ? 3 : 0;
        }

        /** What needs a person, on one line. */
        String problems() {
            return outcomeLines.isEmpty() ? "completed with problems" : String.join("; ", outcomeLines);
        }
    }

    /**
     * Runs the review of a period: a new revision unless one is given. Giving the revision of a
     * finished review runs it again (its results are replaced); of a running one, it is refused.
     */
    public JobExecution start(Period period, Optional<Integer> revision) throws Exception {
        return jobOperator.start(qualityReviewJob, parameters(period, revision));
    }

    /**
     * A person's review from the command line: refused before a revision is claimed when its
     * results could not be written, run to its end, refused ({@link CommandException}, saying why)
     * when it did not complete, and recorded in the audit log.
     */
    public Reviewed review(Period period, Optional<Integer> revision) throws Exception {
        // Before a revision is claimed: a review that cannot write its results would only fail at its end.
        Folders.requireWritable("quality.reports-dir", properties.reportsDir());
        Reviewed reviewed = reviewed(start(period, revision));
        JobExecution execution = reviewed.execution();
        events.publishEvent(new Audited("review", reviewed.run().toString(), "COMPLETED (execution " + execution.getId() + ")"
                + siteCount(reviewed.run()).map(count -> ": " + count).orElse("")
                + (reviewed.withProblems() ? "; exit status " + reviewed.exitStatus() + ": " + reviewed.problems() : "")));
        return reviewed;
    }

    /** How a finished review went; refused ({@link CommandException}, saying why) when it did not complete. */
    public Reviewed reviewed(JobExecution execution) {
        ReviewRun run = ReviewRun.from(execution.getJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            throw new CommandException("review of " + run.period() + " revision " + run.revision() + " " + execution.getStatus()
                    + (failure == null ? "" : ": " + CommandException.oneLine(failure)) + " (execution " + execution.getId() + ")");
        }
        var context = execution.getExecutionContext();
        List<String> lines = context.containsKey(ReviewStepContribution.OUTCOME_LINES)
                ? context.getString(ReviewStepContribution.OUTCOME_LINES).lines().toList() : List.of();
        return new Reviewed(execution, run, lines,
                execution.getExitStatus().getExitCode().equals(ReviewStepContribution.COMPLETED_WITH_PROBLEMS));
    }

    /**
     * A person's review from the API or the console: as {@link #start}, but returns as soon as the
     * execution exists. A review of the same period and revision still waiting to run counts as
     * running. Recorded in the audit log, and so is its end.
     */
    public JobExecution startInBackground(Period period, Optional<Integer> revision) throws Exception {
        JobExecution execution = launchInBackground(period, revision);
        events.publishEvent(Audited.backgroundStart("start review", ReviewRun.from(execution.getJobParameters()).toString(),
                "execution " + execution.getId(), execution));
        return execution;
    }

    private synchronized JobExecution launchInBackground(Period period, Optional<Integer> revision) throws Exception {
        return backgroundJobs.start(qualityReviewJob, parameters(period, revision));
    }

    private JobParameters parameters(Period period, Optional<Integer> revision) {
        revision.ifPresent(ReviewRun::checkRevision);
        Map<Long, JobExecution> started = startedRevisions(period);
        int number = revision.orElseGet(() -> Math.max(runs.nextRevision(period),
                started.keySet().stream().mapToInt(Long::intValue).max().orElse(0) + 1));
        refuseIfRunning(period, number, Optional.ofNullable(started.get((long) number)));
        return new ReviewRun(period, number, properties.zoneId()).toJobParameters();
    }

    /**
     * A revision with an execution starting or running, or claimed as running, is not started
     * again: alive, it is running; with its process gone, it is for a restart of that execution.
     */
    private void refuseIfRunning(Period period, int number, Optional<JobExecution> started) {
        Optional<ReviewRuns.Claim> claim = runs.claimOf(period, number).filter(ReviewRuns.Claim::running);
        Optional<Long> execution = started.map(JobExecution::getId).or(() -> claim.map(ReviewRuns.Claim::jobExecutionId));
        if (started.isEmpty() && claim.isEmpty()) {
            return;
        }
        Optional<Leases.Holder> holder = execution.flatMap(leases::holder).filter(Leases.Holder::alive);
        if (execution.isEmpty()) {
            throw new ReviewAlreadyRunningException(period, number);
        }
        if (holder.isPresent()) {
            throw new ReviewAlreadyRunningException(period, number, "in execution " + execution.get() + ", " + holder.get().describe());
        }
        throw new ReviewAlreadyRunningException(period, number, "as execution " + execution.get() + ", whose process is gone:"
                + " restart execution " + execution.get() + " (or review without a revision for a new one)");
    }

    /**
     * The latest revision of the period that a live process is reviewing right now: claimed as
     * running, or started and not yet claimed. One whose process is gone is not running (it is
     * for a restart).
     */
    public Optional<Integer> runningRevision(Period period) {
        Stream<Map.Entry<Integer, Long>> executions = Stream.concat(runs.runningClaims(period).entrySet().stream(),
                startedRevisions(period).entrySet().stream().map(e -> Map.entry(e.getKey().intValue(), e.getValue().getId())));
        return executions.filter(e -> e.getValue() != null && leases.holder(e.getValue()).map(Leases.Holder::alive).orElse(false))
                .map(Map.Entry::getKey).max(Integer::compare);
    }

    /** Revisions of the period whose execution is starting or running but may not have claimed its run yet. */
    private Map<Long, JobExecution> startedRevisions(Period period) {
        return jobRepository.findRunningJobExecutions(qualityReviewJob.getName()).stream()
                .filter(e -> period.toString().equals(e.getJobParameters().getString(ReviewRun.PERIOD)))
                .collect(Collectors.toMap(e -> e.getJobParameters().getLong(ReviewRun.REVISION), e -> e, (a, b) -> b));
    }

    /** A revision number as typed: a whole number of at least 1. */
    public static int parseRevision(String text) {
        int revision;
        try {
            revision = Integer.parseInt(text.trim());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("revision must be a whole number of at least 1, was '" + text + "'");
        }
        return ReviewRun.checkRevision(revision);
    }

    /** Sites per rating of a review, rating code to count, in rating order. */
    public Map<String, Long> ratingCounts(Period period, int revision) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(SELECT_ORGANISATION_RATING_COUNTS,
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                }, period.toString(), revision);
        return counts;
    }

    /** "sites 40": how many sites a review rated, once it has. */
    public Optional<String> siteCount(ReviewRun run) {
        Map<String, Long> counts = ratingCounts(run.period(), run.revision());
        return counts.isEmpty() ? Optional.empty() : Optional.of("sites " + counts.values().stream().mapToLong(Long::longValue).sum());
    }

    static List<String> summaryLines(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> (e.getKey().equals("UNRATED") ? "unrated" : e.getKey() + "★") + " " + e.getValue()).toList();
    }
}
