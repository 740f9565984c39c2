package com.qualityreview.delivery;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The delivery outbox. Every status change is its own committed statement, so what is recorded
 * as sent stays sent whatever happens to the process afterwards.
 */
@Component
public class DeliveryStore {

    private static final RowMapper<Delivery> ROW = (row, n) -> new Delivery(row.getLong("id"), row.getString("period"),
            row.getInt("revision"), row.getString("email"), row.getString("name"), Locale.forLanguageTag(row.getString("locale")),
            row.getString("scope"), row.getString("attachment"), row.getString("status"), row.getInt("attempts"),
            row.getString("last_error"), row.getObject("last_attempt_at", OffsetDateTime.class),
            row.getObject("sent_at", OffsetDateTime.class), row.getString("message_id"));

    private final JdbcTemplate jdbc;

    DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the deliveries a revision does not have yet; existing ones (sent or not) are kept as they are. */
    int plan(String period, int revision, List<Stakeholder> stakeholders, java.util.function.Function<Stakeholder, String> attachment) {
        int planned = 0;
        for (Stakeholder s : stakeholders) {
            Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE period = ? AND revision = ? AND email = ?"
                    + " AND scope = ?", Integer.class, period, revision, s.email(), s.scope());
            if (existing == 0) {
                jdbc.update("INSERT INTO delivery (period, revision, email, name, locale, scope, attachment, status, attempts, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)", period, revision, s.email(), s.name(),
                        s.locale().toLanguageTag(), s.scope(), attachment.apply(s), now());
                planned++;
            }
        }
        return planned;
    }

    List<Delivery> withStatus(String period, int revision, String status) {
        return jdbc.query("SELECT * FROM delivery WHERE period = ? AND revision = ? AND status = ? ORDER BY id", ROW,
                period, revision, status);
    }

    public List<Delivery> find(Optional<String> period, Optional<String> status) {
        return jdbc.query("SELECT * FROM delivery WHERE (CAST(? AS VARCHAR(16)) IS NULL OR period = ?) AND (CAST(? AS VARCHAR(16)) IS NULL OR status = ?)"
                + " ORDER BY period DESC, revision DESC, id", ROW, period.orElse(null), period.orElse(null),
                status.orElse(null), status.orElse(null));
    }

    public Optional<Delivery> find(long id) {
        return jdbc.query("SELECT * FROM delivery WHERE id = ?", ROW, id).stream().findFirst();
    }

    Optional<Integer> latestRevision(String period) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(revision) FROM delivery WHERE period = ?", Integer.class, period));
    }

    /** Recorded before the message goes out: a delivery found in this state was interrupted mid-send. */
    void sending(long id) {
        jdbc.update("UPDATE delivery SET status = 'SENDING', attempts = attempts + 1, last_attempt_at = ? WHERE id = ?", now(), id);
    }

    void sent(long id, String messageId) {
        jdbc.update("UPDATE delivery SET status = 'SENT', sent_at = ?, last_error = NULL, message_id = ? WHERE id = ?",
                now(), messageId, id);
    }

    void retrying(long id, String error) {
        jdbc.update("UPDATE delivery SET status = 'PENDING', last_error = ? WHERE id = ?", shorten(error), id);
    }

    void failed(long id, String error) {
        jdbc.update("UPDATE delivery SET status = 'FAILED', last_error = ? WHERE id = ?", shorten(error), id);
    }

    /** Back to pending for a resend on demand; the attempts so far stay counted. */
    int reopen(String period, int revision, Optional<String> email) {
        return email.map(to -> jdbc.update("UPDATE delivery SET status = 'PENDING' WHERE period = ? AND revision = ? AND email = ?",
                period, revision, to)).orElseGet(() -> jdbc.update("UPDATE delivery SET status = 'PENDING' WHERE period = ?"
                + " AND revision = ? AND status = 'FAILED'", period, revision));
    }

    /** One delivery back to pending, whatever its state, unless it is being sent right now. */
    int reopen(long id) {
        return jdbc.update("UPDATE delivery SET status = 'PENDING' WHERE id = ? AND status <> 'SENDING'", id);
    }

    private static String shorten(String text) {
        return text == null ? null : text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
