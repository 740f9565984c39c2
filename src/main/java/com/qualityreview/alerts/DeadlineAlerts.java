package com.qualityreview.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deadline_alert table: one row per period, claimed by the instance whose insert lands, so
 * the alert is sent once across restarts and instances sharing the database.
 */
@Component
class DeadlineAlerts {

    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String UNCERTAIN = "UNCERTAIN";
    static final String NO_RECIPIENTS = "NO_RECIPIENTS";

    private static final String INSERT_CLAIM = """
            INSERT INTO deadline_alert (period, deadline_at, status, missing, recipients, message_id, attempts, claimed_by, claimed_at)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)""";
    /** Only a FAILED alert (certainly not delivered) is claimed again, by one instance. */
    private static final String RECLAIM_FAILED = """
            UPDATE deadline_alert SET status = 'SENDING', attempts = attempts + 1, missing = ?, claimed_by = ?, claimed_at = ?
            WHERE period = ? AND status = 'FAILED'""";
    private static final String FINISH = """
            UPDATE deadline_alert SET status = ?, sent_at = ?, last_error = ? WHERE period = ? AND claimed_by = ? AND status = 'SENDING'""";
    private static final String SELECT = """
            SELECT status, message_id, sent_at, attempts, last_error, recipients FROM deadline_alert WHERE period = ?""";

    /** What became of a period's alert. */
    record Alert(String status, String messageId, Instant sentAt, int attempts, String lastError, String recipients) {
    }

    private final JdbcTemplate jdbc;

    DeadlineAlerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the one caller whose claim landed: it sends (or, with status NO_RECIPIENTS, only says so). */
    boolean claim(String period, Instant deadline, String status, String missing, String recipients, String messageId, String instance,
            Instant now) {
        try {
            jdbc.update(INSERT_CLAIM, period, utc(deadline), status, missing, recipients, messageId, instance, utc(now));
            return true;
        }
        catch (DuplicateKeyException e) {
            return jdbc.update(RECLAIM_FAILED, missing, instance, utc(now), period) == 1;
        }
    }

    void finish(String period, String instance, String status, Instant sentAt, String error) {
        jdbc.update(FINISH, status, sentAt == null ? null : utc(sentAt), error, period, instance);
    }

    Optional<Alert> find(String period) {
        return jdbc.query(SELECT, (row, n) -> new Alert(row.getString("status"), row.getString("message_id"),
                Optional.ofNullable(row.getObject("sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                row.getInt("attempts"), row.getString("last_error"), row.getString("recipients")), period).stream().findFirst();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
