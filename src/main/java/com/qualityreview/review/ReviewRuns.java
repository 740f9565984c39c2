package com.qualityreview.review;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reviews that exist, and the guard that one (period, revision) never runs twice at once: a
 * run claims its row atomically in the shared database, so the guard holds across machines.
 */
@Component
public class ReviewRuns {

    private final JdbcTemplate jdbc;

    ReviewRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The revision a new review of the period gets: one more than the highest so far. */
    public int nextRevision(Period period) {
        Integer highest = jdbc.queryForObject("SELECT MAX(revision) FROM review_run WHERE period = ?", Integer.class, period.toString());
        return highest == null ? 1 : highest + 1;
    }

    public Optional<String> status(Period period, int revision) {
        List<String> status = jdbc.queryForList("SELECT status FROM review_run WHERE period = ? AND revision = ?",
                String.class, period.toString(), revision);
        return status.stream().findFirst();
    }

    /** A review revision as administrators see it. */
    public record Run(String period, int revision, String zone, String status, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, long jobInstanceId) {
    }

    /** The review revisions, of one period where given, newest period and revision first. */
    public List<Run> list(Optional<Period> period) {
        String text = period.map(Period::toString).orElse(null);
        return jdbc.query("SELECT * FROM review_run WHERE (CAST(? AS VARCHAR(16)) IS NULL OR period = ?)"
                + " ORDER BY period DESC, revision DESC", (row, n) -> new Run(row.getString("period"), row.getInt("revision"),
                        row.getString("zone"), row.getString("status"), row.getObject("started_at", OffsetDateTime.class),
                        row.getObject("finished_at", OffsetDateTime.class), row.getLong("job_instance_id")), text, text);
    }

    void claim(ReviewKey key, long jobInstanceId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int claimed = jdbc.update("UPDATE review_run SET status = 'RUNNING', job_instance_id = ?, zone = ?, started_at = ?,"
                + " finished_at = NULL WHERE period = ? AND revision = ? AND status <> 'RUNNING'",
                jobInstanceId, key.zone().getId(), now, key.periodText(), key.revision());
        if (claimed == 1) {
            return;
        }
        if (status(key.period(), key.revision()).isPresent()) {
            throw new ReviewAlreadyRunningException(key.period(), key.revision());
        }
        try {
            jdbc.update("INSERT INTO review_run (period, revision, zone, status, started_at, job_instance_id)"
                    + " VALUES (?, ?, ?, 'RUNNING', ?, ?)", key.periodText(), key.revision(), key.zone().getId(), now, jobInstanceId);
        }
        catch (DuplicateKeyException e) {
            throw new ReviewAlreadyRunningException(key.period(), key.revision());
        }
    }

    void finished(ReviewKey key, long jobInstanceId, String status, String reportsDir) {
        jdbc.update("UPDATE review_run SET status = ?, finished_at = ?, reports_dir = COALESCE(?, reports_dir)"
                + " WHERE period = ? AND revision = ? AND job_instance_id = ?", status, OffsetDateTime.now(ZoneOffset.UTC),
                reportsDir, key.periodText(), key.revision(), jobInstanceId);
    }
}
