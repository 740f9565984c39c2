package com.qualityreview.execution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import com.qualityreview.system.Audited;
import com.qualityreview.system.BackgroundJobs;
import com.qualityreview.system.ConflictException;
import com.qualityreview.system.JobOutcome;
import com.qualityreview.system.Leases;
import com.qualityreview.system.NotFoundException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import java.util.Arrays;
import java.util.Locale;

/**
 * Job executions as administrators see them: recent ones with their counts; and a person's stops
 * and restarts, recorded in the audit log.
 */
@Component
public class Executions {

    /** Of one job and in one status, each where given; %s: how many. */
    private static final String SELECT_LATEST_EXECUTION_IDS = """
            SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e
            JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
            WHERE (CAST(? AS VARCHAR(100)) IS NULL OR i.JOB_NAME = ?) AND (CAST(? AS VARCHAR(10)) IS NULL OR e.STATUS = ?)
            ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST %s ROWS ONLY""";
    /** Compare-and-set on the version read: of two restarts, one update lands. */
    private static final String CLAIM_RESTART = """
            UPDATE BATCH_JOB_EXECUTION SET VERSION = VERSION + 1 WHERE JOB_EXECUTION_ID = ? AND VERSION = ?""";

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final BackgroundJobs backgroundJobs;
    private final ObjectProvider<Job> jobs;
    private final List<JobOutcome> outcomes;
    private final Leases leases;
    private final ApplicationEventPublisher events;

    /** How long an unleased running execution is given to show its lease before it is called gone. */
    static final Duration UNLEASED_GRACE = Duration.ofSeconds(1);

    Executions(JdbcTemplate jdbc, JobRepository jobRepository, JobOperator jobOperator, BackgroundJobs backgroundJobs,
            ObjectProvider<Job> jobs, List<JobOutcome> outcomes, Leases leases, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.backgroundJobs = backgroundJobs;
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.leases = leases;
        this.events = events;
    }

    public List<JobExecution> recent(int limit) {
        return recent(Optional.empty(), Optional.empty(), limit);
    }

    /** The newest executions, of one job and in one status where given. */
    public List<JobExecution> recent(Optional<String> job, Optional<BatchStatus> status, int limit) {
        String jobName = job.orElse(null);
        String statusName = status.map(BatchStatus::name).orElse(null);
        return jdbc.queryForList(SELECT_LATEST_EXECUTION_IDS.formatted(Math.max(1, limit)), Long.class,
                jobName, jobName, statusName, statusName).stream()
                .map(jobRepository::getJobExecution).filter(Objects::nonNull).toList();
    }

    public ExecutionView view(JobExecution execution) {
        return ExecutionView.of(execution, counts(execution), LocalDateTime.now(),
                execution.getStatus().isRunning() ? leases.holder(execution.getId()) : Optional.empty());
    }

    public ExecutionView view(long id) {
        return view(find(id).orElseThrow(() -> new NotFoundException("there is no job execution " + id)));
    }

    public SortedSet<String> jobNames() {
        SortedSet<String> names = new TreeSet<>();
        jobs.forEach(job -> names.add(job.getName()));
        return names;
    }

    /**
     * Asks a running execution to stop: it finishes its current chunk, commits it and ends as
     * STOPPED, ready to restart from there. Works across processes (the flag is in the database).
     * Recorded in the audit log.
     */
    public JobExecution stop(long id) throws InterruptedException {
        JobExecution stopping = markStopping(id);
        events.publishEvent(new Audited("stop", "execution " + id, "status " + stopping.getStatus()));
        return stopping;
    }

    private JobExecution markStopping(long id) throws InterruptedException {
        // Only the job's status is changed: its running step reads it at its next chunk commit and
        // stops there. (Spring Batch's own stop also writes the step execution, which races with
        // the step's own updates and fails on its version.)
        for (int attempt = 1; ; attempt++) {
            JobExecution execution = find(id).orElseThrow(() -> new NotFoundException("there is no job execution " + id));
            BatchStatus status = execution.getStatus();
            if (status != BatchStatus.STARTING && status != BatchStatus.STARTED) {
                throw new ConflictException("execution " + id + " is " + status + ", not running");
            }
            if (attempt == 1 && liveHolder(execution).isEmpty()) {
                // Nobody would read the flag: a stop could never end.
                throw new ConflictException("execution " + id + " is " + status + " but its process is gone (no heartbeat for "
                        + leases.leaseTime().toSeconds() + " s): restart it instead");
            }
            execution.setStatus(BatchStatus.STOPPING);
            try {
                jobRepository.update(execution);
                return execution;
            }
            catch (OptimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw new ConflictException("execution " + id + " changed five times while being stopped; try again");
                }
            }
        }
    }

    public Optional<JobExecution> find(long id) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(id));
        }
        catch (EmptyResultDataAccessException e) {
            // The JDBC repository reports an unknown id this way rather than with null.
            return Optional.empty();
        }
    }

    /** The feature's own counts where it has them, else the steps' read and write counts. */
    public String counts(JobExecution execution) {
        return outcome(execution).flatMap(outcome -> outcome.counts(execution)).orElseGet(() -> {
            long read = execution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
            long written = execution.getStepExecutions().stream().mapToLong(StepExecution::getWriteCount).sum();
            return "read " + read + ", written " + written;
        });
    }

    public int print(JobExecution execution) {
        return outcome(execution).map(outcome -> outcome.print(execution)).orElseGet(() -> {
            System.out.println(execution.getJobInstance().getJobName() + " execution " + execution.getId() + ": "
                    + execution.getStatus() + " (" + counts(execution) + ")");
            return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
        });
    }

    private Optional<JobOutcome> outcome(JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        return outcomes.stream().filter(outcome -> outcome.jobName().equals(job)).findFirst();
    }

    /**
     * Restarts a failed or stopped execution: it resumes from its last committed chunk. An
     * execution still marked as running is restarted only when the process that ran it is proven
     * gone (its lease expired: no heartbeat for {@code quality.jobs.lease-time}); it is first
     * marked failed. While the lease is live the restart is refused, whatever the step.
     */
    public JobExecution restart(long id) throws Exception {
        return restart(id, false);
    }

    /**
     * A person's restart from the API or the console: as {@link #restart(long)}, but returns as
     * soon as the new execution exists. Recorded in the audit log, and so is its end.
     */
    public JobExecution restartInBackground(long id) throws Exception {
        JobExecution restarted = restart(id, true);
        events.publishEvent(Audited.backgroundStart("restart", "execution " + id, "restarted as execution " + restarted.getId(),
                restarted));
        return restarted;
    }

    /**
     * A person's restart from the command line: as {@link #restart(long)}; {@code shown} shows how
     * it went, as its feature tells it ({@link #print}), and gives the exit status, or throws when it
     * did not complete (a failure the command line records). Recorded in the audit log with that exit status.
     */
    public int restartAndWait(long id, ToIntFunction<JobExecution> shown) throws Exception {
        JobExecution restarted = restart(id);
        int status = shown.applyAsInt(restarted);
        events.publishEvent(new Audited("restart", "execution " + id, "restarted as execution " + restarted.getId() + ": "
                + restarted.getStatus() + (status == 0 ? "" : " (exit status " + status + ")")));
        return status;
    }

    private JobExecution restart(long id, boolean inBackground) throws Exception {
        JobExecution execution = find(id).orElseThrow(() -> new NotFoundException("there is no job execution " + id));
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            throw new ConflictException("execution " + id + " is " + status + "; only a failed or stopped execution can be restarted");
        }
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance().getJobName(), execution.getJobParameters());
        if (latest != null && latest.getId() != id) {
            throw new ConflictException("execution " + id + " was already restarted as execution " + latest.getId()
                    + "; restart that one if it did not complete");
        }
        if (status.isRunning()) {
            Optional<Leases.Holder> holder = liveHolder(execution);
            if (holder.isPresent()) {
                throw new ConflictException("execution " + id + " is " + status + " in " + holder.get().describe()
                        + (status == BatchStatus.STOPPING ? "; it stops after its current chunk: restart it once it is STOPPED"
                                : "; it cannot be restarted while it runs (stop it first, then restart it once it is STOPPED)"));
            }
        }
        // Two administrators pressing Restart at once: only the one whose update lands goes on.
        if (jdbc.update(CLAIM_RESTART,
                id, execution.getVersion()) != 1) {
            throw new ConflictException("execution " + id + " changed while being restarted (restarted or stopped by someone"
                    + " else?); look at it again");
        }
        execution = find(id).orElseThrow();
        if (execution.getStatus().isRunning()) {
            jobOperator.recover(execution);
        }
        return inBackground ? backgroundJobs.restart(execution) : backgroundJobs.restartAndWait(execution);
    }

    /** A status as typed ("failed"), or the statuses it could have been. */
    static BatchStatus batchStatus(String status) {
        try {
            return BatchStatus.valueOf(status.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: '" + status + "' is not one of " + Arrays.toString(BatchStatus.values()));
        }
    }

    /**
     * The live process holding a running execution, if there is one. An execution is leased by
     * the process that creates it within milliseconds; one found without a lease is looked at
     * once more a moment later before it is called gone.
     */
    Optional<Leases.Holder> liveHolder(JobExecution execution) throws InterruptedException {
        Optional<Leases.Holder> holder = leases.holder(execution.getId());
        if (holder.isEmpty()) {
            Thread.sleep(UNLEASED_GRACE.toMillis());
            if (!find(execution.getId()).map(e -> e.getStatus().isRunning()).orElse(false)) {
                return Optional.empty();
            }
            holder = leases.holder(execution.getId());
        }
        return holder.filter(Leases.Holder::alive);
    }
}
