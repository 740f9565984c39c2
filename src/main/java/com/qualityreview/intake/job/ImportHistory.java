package com.qualityreview.intake.job;

import com.qualityreview.intake.ImportCounts;
import com.qualityreview.intake.ImportKind;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One row per import (restarts included) with its outcome and counts, for reports and administrators. */
@Component
class ImportHistory {

    private static final String RESTART = """
            UPDATE import_file SET status = 'STARTED', finished_at = NULL, message = NULL
            WHERE job_instance_id = ?""";
    private static final String INSERT_STARTED = """
            INSERT INTO import_file (job_instance_id, kind, file_path, status, started_at) VALUES (?, ?, ?, 'STARTED', ?)""";
    private static final String COMPLETE = """
            UPDATE import_file SET status = 'COMPLETED', finished_at = ?, read_count = ?, written_count = ?,
            rejected_count = ?, message = NULL WHERE job_instance_id = ?""";
    private static final String FAIL = """
            UPDATE import_file SET status = 'FAILED', finished_at = ?, message = ? WHERE job_instance_id = ?""";

    private final JdbcTemplate jdbc;

    ImportHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void started(long jobInstanceId, ImportKind kind, String filePath) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.update(RESTART, jobInstanceId);
        if (updated == 0) {
            jdbc.update(INSERT_STARTED, jobInstanceId, kind.fileName(), filePath, now);
        }
    }

    void completed(long jobInstanceId, ImportCounts counts) {
        jdbc.update(COMPLETE, OffsetDateTime.now(ZoneOffset.UTC), counts.read(), counts.written(), counts.rejected(), jobInstanceId);
    }

    void failed(long jobInstanceId, String message) {
        String shortened = message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message;
        jdbc.update(FAIL, OffsetDateTime.now(ZoneOffset.UTC), shortened, jobInstanceId);
    }
}
