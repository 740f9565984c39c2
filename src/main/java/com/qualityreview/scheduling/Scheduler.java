package com.qualityreview.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.qualityreview.system.CommandException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs what is due. For each schedule it finds the latest due time (cron in the organisation's
 * zone) within the catch-up window — so a run missed while the application was down is made up
 * at the next tick, the one at start included — and claims (schedule, due time) in the shared
 * database; only the instance whose claim lands runs it. Its action launches a job, or finds
 * nothing to do and says why (the due time is then SKIPPED).
 */
public final class Scheduler {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private static final String INSERT_CLAIM = """
            INSERT INTO schedule_run (name, due_at, claimed_at, claimed_by, status) VALUES (?, ?, ?, ?, 'RUNNING')""";
    private static final String DELETE_CLAIM = """
            DELETE FROM schedule_run WHERE name = ? AND due_at = ? AND claimed_by = ?""";
    private static final String FINISH_RUN = """
            UPDATE schedule_run SET status = ?, job_execution_id = ? WHERE name = ? AND due_at = ?""";

    /** schedule_run.status of a due time whose action found nothing to do. */
    static final String SKIPPED = "SKIPPED";

    /**
     * A job that runs on a schedule; it receives the due time, in the organisation's zone. It
     * throws when the job could not be launched (the due time is tried again at the next tick).
     */
    public interface Action {
        Outcome run(ZonedDateTime due) throws Exception;
    }

    /** What an action did with its due time. */
    public sealed interface Outcome {

        /** It launched a job; the due time is done with whatever status the job ended. */
        record Launched(JobExecution execution) implements Outcome {
        }

        /** It found nothing to do, for this reason (a clause for the log); the due time is done. */
        record Skipped(String reason) implements Outcome {
        }

        static Outcome launched(JobExecution execution) {
            return new Launched(execution);
        }

        static Outcome skipped(String reason) {
            return new Skipped(reason);
        }
    }

    public record Schedule(String name, CronExpression cron, Action action) {
    }

    /** One run this tick started (a skipped one is only in the log and in schedule_run). */
    public record Started(String name, ZonedDateTime due, long executionId, String status) {
    }

    private final JdbcTemplate jdbc;
    private final List<Schedule> schedules;
    private final ZoneId zone;
    private final Duration catchUpWindow;
    private final Clock clock;
    private final String instance;

    public Scheduler(JdbcTemplate jdbc, List<Schedule> schedules, ZoneId zone, Duration catchUpWindow, Clock clock, String instance) {
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.zone = zone;
        this.catchUpWindow = catchUpWindow;
        this.clock = clock;
        this.instance = instance;
    }

    /** The same schedules seen by another instance, or at another time (tests). */
    public Scheduler withClock(Clock otherClock, String otherInstance) {
        return new Scheduler(jdbc, schedules, zone, catchUpWindow, otherClock, otherInstance);
    }

    public List<Started> tick() {
        List<Started> started = new ArrayList<>();
        Instant now = clock.instant();
        for (Schedule schedule : schedules) {
            Optional<ZonedDateTime> due = latestDue(schedule.cron(), now);
            if (due.isEmpty() || !claim(schedule.name(), due.get(), now)) {
                continue;
            }
            String run = "schedule " + schedule.name() + " for " + due.get().toOffsetDateTime();
            Outcome outcome;
            try {
                outcome = schedule.action().run(due.get());
            }
            catch (Exception e) {
                // No execution was created (the job could not be launched): give the claim back so
                // that the next tick, here or on another instance, tries again.
                log.warn("{} could not start, will try again at the next tick: {}", run, CommandException.oneLine(e));
                release(schedule.name(), due.get());
                continue;
            }
            if (outcome instanceof Outcome.Skipped skipped) {
                // The claim stays: the due time is done, not retried at every tick.
                finish(schedule.name(), due.get(), SKIPPED, null);
                log.info("{}: {}", run, skipped.reason());
                continue;
            }
            JobExecution execution = ((Outcome.Launched) outcome).execution();
            finish(schedule.name(), due.get(), execution.getStatus().name(), execution.getId());
            log.info("{}: execution {} {}", run, execution.getId(), execution.getStatus());
            started.add(new Started(schedule.name(), due.get(), execution.getId(), execution.getStatus().name()));
        }
        return started;
    }

    /** The last time the cron fired at or before now, if that is within the catch-up window. */
    Optional<ZonedDateTime> latestDue(CronExpression cron, Instant now) {
        ZonedDateTime current = now.atZone(zone);
        ZonedDateTime candidate = cron.next(current.minus(catchUpWindow));
        ZonedDateTime latest = null;
        while (candidate != null && !candidate.isAfter(current)) {
            latest = candidate;
            candidate = cron.next(candidate);
        }
        return Optional.ofNullable(latest);
    }

    private boolean claim(String name, ZonedDateTime due, Instant now) {
        try {
            jdbc.update(INSERT_CLAIM,
                    name, due.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC), OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                    instance);
            return true;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void release(String name, ZonedDateTime due) {
        jdbc.update(DELETE_CLAIM, name,
                due.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC), instance);
    }

    private void finish(String name, ZonedDateTime due, String status, Long executionId) {
        jdbc.update(FINISH_RUN, status, executionId, name,
                due.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }
}
