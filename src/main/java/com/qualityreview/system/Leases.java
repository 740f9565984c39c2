package com.qualityreview.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Proof that work is alive. A job execution, or a run of deliveries, is leased to the process
 * doing it: a row (owner host and pid) that this process renews every
 * {@code quality.jobs.heartbeat-interval} with the database's clock for exactly as long as the work
 * runs here, whatever its step. Work whose lease has not been renewed for
 * {@code quality.jobs.lease-time} is gone (its process died, or its thread ended without saying
 * so) and may be taken over. Silence alone proves nothing: tasklet steps write nothing to the job
 * repository while they work. Ages are computed by the database, never against a caller's clock.
 */
@Component
public class Leases implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private static final String SELECT_LEASE = """
            SELECT lease_id, host, pid, renewed_at, CURRENT_TIMESTAMP AS db_now FROM work_lease WHERE lease_id = ?""";
    private static final String INSERT_LEASE = """
            INSERT INTO work_lease (lease_id, host, pid, acquired_at, renewed_at)
            VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""";
    private static final String RENEW_LEASE = """
            UPDATE work_lease SET renewed_at = CURRENT_TIMESTAMP, host = ?, pid = ? WHERE lease_id = ?""";
    private static final String DELETE_LEASE = """
            DELETE FROM work_lease WHERE lease_id = ?""";

    private final JdbcTemplate jdbc;
    private final Duration heartbeatInterval;
    private final Duration leaseTime;
    private final String host = hostName();
    private final long pid = ProcessHandle.current().pid();
    /** Leases of work running in this process: renewed by the heartbeat. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Leases whose work ended but whose row could not be removed yet (the database was away). */
    private final Set<String> releasing = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;
    private volatile boolean running;

    Leases(JdbcTemplate jdbc, QualityProperties properties) {
        this.jdbc = jdbc;
        this.heartbeatInterval = properties.jobs().heartbeatInterval();
        this.leaseTime = properties.jobs().leaseTime();
    }

    /** Who holds a lease, and whether its last renewal is recent enough to call the work alive. */
    public record Holder(String leaseId, String host, long pid, Duration sinceHeartbeat, boolean alive) {

        public String describe() {
            return "process " + pid + " on " + host + " (heartbeat " + Math.max(0, sinceHeartbeat.toSeconds()) + " s ago)";
        }
    }

    /** A lease held for as long as it is open. */
    public interface Lease extends AutoCloseable {

        String id();

        @Override
        void close();
    }

    public Duration leaseTime() {
        return leaseTime;
    }

    /** Leases a job execution to this process until {@link #release(long)} (again: no harm). */
    public void hold(long jobExecutionId) {
        hold(executionLease(jobExecutionId));
    }

    public void release(long jobExecutionId) {
        release(executionLease(jobExecutionId));
    }

    /** The holder of a job execution's lease, if it has one. */
    public Optional<Holder> holder(long jobExecutionId) {
        return holder(executionLease(jobExecutionId));
    }

    /** A new lease for a piece of work of this kind ("deliveries"), held until closed. */
    public Lease acquire(String kind) {
        return held(kind + ":" + UUID.randomUUID());
    }

    /**
     * The lease of one piece of work that other processes look up by its id ({@link #holder(String, long)}),
     * such as a partition run by a worker; held (taken over, if it existed) until closed.
     */
    public Lease acquire(String kind, long workId) {
        return held(workLease(kind, workId));
    }

    /** The holder of the lease {@link #acquire(String, long)} took for this piece of work, if there is one. */
    public Optional<Holder> holder(String kind, long workId) {
        return holder(workLease(kind, workId));
    }

    private static String workLease(String kind, long workId) {
        return kind + ":" + workId;
    }

    private Lease held(String id) {
        hold(id);
        return new Lease() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void close() {
                release(id);
            }
        };
    }

    public Optional<Holder> holder(String leaseId) {
        if (leaseId == null) {
            return Optional.empty();
        }
        return jdbc.query(SELECT_LEASE, (row, n) -> {
            Duration since = Duration.between(row.getObject("renewed_at", OffsetDateTime.class),
                    row.getObject("db_now", OffsetDateTime.class));
            return new Holder(row.getString("lease_id"), row.getString("host"), row.getLong("pid"), since,
                    since.compareTo(leaseTime) < 0);
        }, leaseId).stream().findFirst();
    }

    /** Whether the work holding this lease is alive (false for an unknown or missing lease). */
    public boolean isAlive(String leaseId) {
        return holder(leaseId).map(Holder::alive).orElse(false);
    }

    private static String executionLease(long jobExecutionId) {
        return "execution:" + jobExecutionId;
    }

    private void hold(String leaseId) {
        held.add(leaseId);
        releasing.remove(leaseId);
        try {
            jdbc.update(INSERT_LEASE, leaseId, host, pid);
        }
        catch (DuplicateKeyException e) {
            renew(leaseId);
        }
    }

    private void release(String leaseId) {
        // Out of the renewed set first: whatever happens next, the lease is no longer kept alive.
        held.remove(leaseId);
        try {
            jdbc.update(DELETE_LEASE, leaseId);
        }
        catch (DataAccessException e) {
            releasing.add(leaseId);
        }
    }

    private void renew(String leaseId) {
        if (jdbc.update(RENEW_LEASE, host, pid, leaseId) == 0) {
            jdbc.update(INSERT_LEASE, leaseId, host, pid);
        }
    }

    private void heartbeat() {
        for (String leaseId : held) {
            try {
                renew(leaseId);
            }
            catch (DataAccessException e) {
                // Keep trying: a database back within the lease time has lost nothing.
                log.warn("cannot renew the lease {}: {}", leaseId, CommandException.oneLine(e));
            }
        }
        for (String leaseId : releasing) {
            try {
                jdbc.update(DELETE_LEASE, leaseId);
                releasing.remove(leaseId);
            }
            catch (DataAccessException e) {
                // Next beat.
            }
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Stops renewing. Leases of work still running are not removed: that work ends with the
     * process, and until then it is still running; it may be restarted once its lease expires.
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before and stopped after everything else, the jobs included. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
