package com.qualityreview.review;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.qualityreview.system.Leases;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reviews that exist, and the guard that one (period, revision) never runs twice at once: a
 * run claims its row atomically in the shared database, so the guard holds across machines.
 */
@Component
public class ReviewRuns {

    private static final String SELECT_HIGHEST_REVISION = """
            SELECT MAX(revision) FROM review_run WHERE period = ?""";
    private static final String SELECT_LATEST_COMPLETED_REVISION = """
            SELECT MAX(revision) FROM review_run WHERE period = ? AND status = 'COMPLETED'""";
    private static final String SELECT_RUNNING_CLAIMS = """
            SELECT revision, job_execution_id FROM review_run WHERE period = ? AND status = 'RUNNING'""";
    /** Of one period where given. */
    private static final String SELECT_RUNS = """
            SELECT * FROM review_run WHERE (CAST(? AS VARCHAR(16)) IS NULL OR period = ?)
            ORDER BY period DESC, revision DESC""";
    private static final String SELECT_CLAIM = """
            SELECT status, job_execution_id FROM review_run WHERE period = ? AND revision = ?""";
    private static final String INSERT_CLAIM = """
            INSERT INTO review_run (period, revision, zone, status, started_at, job_instance_id, job_execution_id)
            VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)""";
    /** Compare-and-set; %s: the condition on the execution read as holding the claim. */
    private static final String TAKE_OVER_CLAIM = """
            UPDATE review_run SET status = 'RUNNING', job_instance_id = ?, job_execution_id = ?, zone = ?,
            started_at = ?, finished_at = NULL WHERE period = ? AND revision = ? AND status = ? AND job_execution_id %s""";
    private static final String END_CLAIM = """
            UPDATE review_run SET status = ?, finished_at = ?, reports_dir = COALESCE(?, reports_dir)
            WHERE period = ? AND revision = ? AND job_execution_id = ?""";

    private final JdbcTemplate jdbc;
    private final Leases leases;

    ReviewRuns(JdbcTemplate jdbc, Leases leases) {
        this.jdbc = jdbc;
        this.leases = leases;
    }

    /** The revision a new review of the period gets: one more than the highest so far. */
    public int nextRevision(Period period) {
        Integer highest = jdbc.queryForObject(SELECT_HIGHEST_REVISION, Integer.class, period.toString());
        return highest == null ? 1 : highest + 1;
    }

    /** The latest revision of the period that completed, if any has: the period has been reviewed. */
    public Optional<Integer> completedRevision(Period period) {
        return Optional.ofNullable(jdbc.queryForObject(SELECT_LATEST_COMPLETED_REVISION, Integer.class, period.toString()));
    }

    /** Revisions of the period claimed as running, with the execution holding each claim; alive or not. */
    Map<Integer, Long> runningClaims(Period period) {
        Map<Integer, Long> claims = new TreeMap<>();
        jdbc.query(SELECT_RUNNING_CLAIMS, row -> {
            claims.put(row.getInt(1), (Long) row.getObject(2, Long.class));
        }, period.toString());
        return claims;
    }

    /** A review revision as administrators see it. */
    public record Run(String period, int revision, String zone, String status, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, long jobInstanceId) {
    }

    /** The review revisions, of one period where given, newest period and revision first. */
    public List<Run> list(Optional<Period> period) {
        String text = period.map(Period::toString).orElse(null);
        return jdbc.query(SELECT_RUNS, (row, n) -> new Run(row.getString("period"), row.getInt("revision"),
                        row.getString("zone"), row.getString("status"), row.getObject("started_at", OffsetDateTime.class),
                        row.getObject("finished_at", OffsetDateTime.class), row.getLong("job_instance_id")), text, text);
    }

    /** Who holds the claim of a review revision, as the database has it. */
    record Claim(String status, Long jobExecutionId) {

        boolean running() {
            return "RUNNING".equals(status);
        }
    }

    Optional<Claim> claimOf(Period period, int revision) {
        return jdbc.query(SELECT_CLAIM, (row, n) -> new Claim(row.getString(1), (Long) row.getObject(2, Long.class)),
                period.toString(), revision)
                .stream().findFirst();
    }

    /** The live process running this revision, if one does. */
    Optional<Leases.Holder> liveHolder(Claim claim) {
        return claim.running() && claim.jobExecutionId() != null
                ? leases.holder(claim.jobExecutionId()).filter(Leases.Holder::alive) : Optional.empty();
    }

    /**
     * Claims the revision for a job execution, atomically in the shared database so that the
     * guard holds across machines. A claim left RUNNING by an execution whose process is gone
     * (its lease expired) is taken over; a live one is refused.
     */
    public void claim(ReviewRun key, long jobInstanceId, long jobExecutionId) {
        // Leased before the claim is visible: a claim whose execution shows no live lease may be taken over.
        leases.hold(jobExecutionId);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Optional<Claim> current = claimOf(key.period(), key.revision());
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (current.isEmpty()) {
                try {
                    jdbc.update(INSERT_CLAIM, key.periodText(), key.revision(), key.zone().getId(), now, jobInstanceId, jobExecutionId);
                    return;
                }
                catch (DuplicateKeyException e) {
                    continue;
                }
            }
            Claim claim = current.get();
            if (claim.jobExecutionId() == null || claim.jobExecutionId() != jobExecutionId) {
                Optional<Leases.Holder> holder = liveHolder(claim);
                if (holder.isPresent()) {
                    throw new ReviewAlreadyRunningException(key.period(), key.revision(),
                            "in execution " + claim.jobExecutionId() + ", " + holder.get().describe());
                }
            }
            // Compare-and-set on what was read: of two claimers, only one update lands.
            String heldBy = claim.jobExecutionId() == null ? "IS NULL" : "= " + claim.jobExecutionId();
            int claimed = jdbc.update(TAKE_OVER_CLAIM.formatted(heldBy), jobInstanceId, jobExecutionId, key.zone().getId(), now,
                    key.periodText(), key.revision(), claim.status());
            if (claimed == 1) {
                return;
            }
        }
        throw new ReviewAlreadyRunningException(key.period(), key.revision(), "(claimed by another execution at the same moment)");
    }

    /** Only the execution holding the claim ends it: one that lost its claim changes nothing. */
    public void finished(ReviewRun key, long jobExecutionId, String status, String reportsDir) {
        jdbc.update(END_CLAIM, status, OffsetDateTime.now(ZoneOffset.UTC), reportsDir, key.periodText(), key.revision(), jobExecutionId);
    }
}
