package com.qualityreview.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.qualityreview.system.BackgroundJobs;
import com.qualityreview.system.Leases;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Starts reviews and reads what they produced; used by the command line and, later, the API. */
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

    Reviews(JobOperator jobOperator, BackgroundJobs backgroundJobs, JobRepository jobRepository, Job qualityReviewJob,
            ReviewRuns runs, QualityProperties properties, JdbcTemplate jdbc, Leases leases) {
        this.jobOperator = jobOperator;
        this.backgroundJobs = backgroundJobs;
        this.jobRepository = jobRepository;
        this.qualityReviewJob = qualityReviewJob;
        this.runs = runs;
        this.properties = properties;
        this.jdbc = jdbc;
        this.leases = leases;
    }

    /**
     * Runs the review of a period: a new revision unless one is given. Giving the revision of a
     * finished review runs it again (its results are replaced); of a running one, it is refused.
     */
    public JobExecution start(Period period, Optional<Integer> revision) throws Exception {
        return jobOperator.start(qualityReviewJob, parameters(period, revision));
    }

    /**
     * As {@link #start}, but returns as soon as the execution exists (for the API and the
     * console). A review of the same period and revision still waiting to run counts as running.
     */
    public synchronized JobExecution startInBackground(Period period, Optional<Integer> revision) throws Exception {
        return backgroundJobs.start(qualityReviewJob, parameters(period, revision));
    }

    private JobParameters parameters(Period period, Optional<Integer> revision) {
        revision.ifPresent(Reviews::checkRevision);
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
                .filter(e -> period.toString().equals(e.getJobParameters().getString("period")))
                .collect(Collectors.toMap(e -> e.getJobParameters().getLong("revision"), e -> e, (a, b) -> b));
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
        return checkRevision(revision);
    }

    private static int checkRevision(int revision) {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be a whole number of at least 1, was '" + revision + "'");
        }
        return revision;
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

    static List<String> summaryLines(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> (e.getKey().equals("UNRATED") ? "unrated" : e.getKey() + "★") + " " + e.getValue()).toList();
    }
}
