package com.qualityreview.delivery.job;

import com.qualityreview.delivery.Delivery;
import com.qualityreview.delivery.mail.Stakeholder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The delivery outbox. Every status change is its own committed statement, so what is recorded
 * as sent stays sent whatever happens to the process afterwards.
 */
@Component
public class DeliveryStore {

    private static final String COUNT_DELIVERIES_OF_STAKEHOLDER = """
            SELECT COUNT(*) FROM delivery WHERE period = ? AND revision = ? AND email = ? AND scope = ?""";
    private static final String COUNT_DELIVERIES_OF_REVISION = """
            SELECT COUNT(*) FROM delivery WHERE period = ? AND revision = ?""";
    private static final String COUNT_BY_STATUS = """
            SELECT status, COUNT(*) AS deliveries FROM delivery GROUP BY status""";
    private static final String INSERT_PENDING = """
            INSERT INTO delivery (period, revision, email, name, locale, scope, attachment, status, attempts, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""";
    private static final String SELECT_WITH_STATUS = """
            SELECT * FROM delivery WHERE period = ? AND revision = ? AND status = ? ORDER BY id""";
    /** Of one period and one status, each where given. */
    private static final String SELECT_OF_PERIOD_AND_STATUS = """
            SELECT * FROM delivery WHERE (CAST(? AS VARCHAR(16)) IS NULL OR period = ?)
            AND (CAST(? AS VARCHAR(16)) IS NULL OR status = ?) ORDER BY period DESC, revision DESC, id""";
    private static final String SELECT_BY_ID = """
            SELECT * FROM delivery WHERE id = ?""";
    private static final String SELECT_LATEST_REVISION = """
            SELECT MAX(revision) FROM delivery WHERE period = ?""";
    private static final String SELECT_SENDING = """
            SELECT * FROM delivery WHERE period = ? AND revision = ? AND status = 'SENDING' ORDER BY id""";
    private static final String CLAIM_PENDING = """
            UPDATE delivery SET status = 'SENDING', attempts = attempts + 1, last_attempt_at = ?, sender_id = ?,
            message_id = ? WHERE id = ? AND status = 'PENDING'""";
    private static final String COUNT_ATTEMPT_OF_PENDING = """
            UPDATE delivery SET attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'PENDING'""";
    private static final String FAIL_PENDING = """
            UPDATE delivery SET status = 'FAILED', last_error = ? WHERE id = ? AND status = 'PENDING'""";
    private static final String MARK_SENT = """
            UPDATE delivery SET status = 'SENT', sent_at = ?, last_error = NULL
            WHERE id = ? AND status = 'SENDING' AND sender_id = ?""";
    private static final String SETTLE_SENDING = """
            UPDATE delivery SET status = ?, last_error = ? WHERE id = ? AND status = 'SENDING' AND sender_id = ?""";
    /** %s: the sent time's assignment, if any; the condition on the sender. */
    private static final String SETTLE_ORPHAN = """
            UPDATE delivery SET status = ?, last_error = ?%s WHERE id = ? AND status = 'SENDING' AND %s""";
    private static final String REOPEN_AS_COPIES_TO = """
            UPDATE delivery SET status = 'PENDING', send_as_copy = TRUE, message_id = NULL WHERE period = ?
            AND revision = ? AND email = ? AND status <> 'SENDING'""";
    private static final String REOPEN_FAILED = """
            UPDATE delivery SET status = 'PENDING' WHERE period = ? AND revision = ? AND (status = 'FAILED')""";
    private static final String REOPEN_FAILED_AND_UNCERTAIN = """
            UPDATE delivery SET status = 'PENDING' WHERE period = ? AND revision = ?
            AND (status = 'FAILED' OR status = 'UNCERTAIN')""";
    private static final String REOPEN_ONE = """
            UPDATE delivery SET send_as_copy = CASE WHEN status = 'SENT' THEN TRUE ELSE send_as_copy END,
            message_id = CASE WHEN status = 'SENT' THEN NULL ELSE message_id END, status = 'PENDING'
            WHERE id = ? AND status <> 'SENDING'""";

    private static final RowMapper<Delivery> ROW = (row, n) -> new Delivery(row.getLong("id"), row.getString("period"),
            row.getInt("revision"), row.getString("email"), row.getString("name"), Locale.forLanguageTag(row.getString("locale")),
            row.getString("scope"), row.getString("attachment"), row.getString("status"), row.getInt("attempts"),
            row.getString("last_error"), row.getObject("last_attempt_at", OffsetDateTime.class),
            row.getObject("sent_at", OffsetDateTime.class), row.getString("message_id"), row.getBoolean("send_as_copy"));

    private final JdbcTemplate jdbc;

    DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the deliveries a revision does not have yet; existing ones (sent or not) are kept as they are. */
    int plan(String period, int revision, List<Stakeholder> stakeholders, Function<Stakeholder, String> attachment) {
        int planned = 0;
        for (Stakeholder s : stakeholders) {
            Integer existing = jdbc.queryForObject(COUNT_DELIVERIES_OF_STAKEHOLDER, Integer.class, period, revision, s.email(),
                    s.scope());
            if (existing == 0) {
                jdbc.update(INSERT_PENDING, period, revision, s.email(), s.name(), s.locale().toLanguageTag(), s.scope(),
                        attachment.apply(s), now());
                planned++;
            }
        }
        return planned;
    }

    int count(String period, int revision) {
        return jdbc.queryForObject(COUNT_DELIVERIES_OF_REVISION, Integer.class, period, revision);
    }

    List<Delivery> withStatus(String period, int revision, String status) {
        return jdbc.query(SELECT_WITH_STATUS, ROW, period, revision, status);
    }

    public List<Delivery> find(Optional<String> period, Optional<String> status) {
        return jdbc.query(SELECT_OF_PERIOD_AND_STATUS, ROW, period.orElse(null), period.orElse(null), status.orElse(null),
                status.orElse(null));
    }

    /** How many deliveries are in each status, over all periods; statuses with none are 0. */
    Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Delivery.STATUSES.forEach(status -> counts.put(status, 0L));
        jdbc.query(COUNT_BY_STATUS, (RowCallbackHandler) row -> counts.put(row.getString("status"), row.getLong("deliveries")));
        return counts;
    }

    public Optional<Delivery> find(long id) {
        return jdbc.query(SELECT_BY_ID, ROW, id).stream().findFirst();
    }

    public Optional<Integer> latestRevision(String period) {
        return Optional.ofNullable(jdbc.queryForObject(SELECT_LATEST_REVISION, Integer.class, period));
    }

    /** A delivery being sent, and the process sending it. */
    record InFlight(Delivery delivery, String senderId) {
    }

    List<InFlight> inFlight(String period, int revision) {
        return jdbc.query(SELECT_SENDING, (row, n) -> new InFlight(ROW.mapRow(row, n), row.getString("sender_id")), period, revision);
    }

    /**
     * Claims a pending delivery for this sender, with the Message-ID it is sent with: only a
     * PENDING row becomes SENDING, so of two senders exactly one gets it.
     */
    boolean claim(long id, String senderId, String messageId) {
        return jdbc.update(CLAIM_PENDING, now(), senderId, messageId, id) == 1;
    }

    /** An attempt that failed before anything was sent (no connection): the delivery stays pending. */
    void notConnected(long id, String error) {
        jdbc.update(COUNT_ATTEMPT_OF_PENDING, now(), shorten(error), id);
    }

    /** A pending delivery that cannot be sent at all (no message could be built, or no server after every attempt). */
    void failedPending(long id, String error) {
        jdbc.update(FAIL_PENDING, shorten(error), id);
    }

    // The ends of a send: each changes the row only if it is still this sender's SENDING row.

    boolean sent(long id, String senderId) {
        return jdbc.update(MARK_SENT, now(), id, senderId) == 1;
    }

    boolean retrying(long id, String senderId, String error) {
        return settle(id, senderId, "PENDING", error);
    }

    boolean failed(long id, String senderId, String error) {
        return settle(id, senderId, "FAILED", error);
    }

    boolean uncertain(long id, String senderId, String error) {
        return settle(id, senderId, "UNCERTAIN", error);
    }

    private boolean settle(long id, String senderId, String status, String error) {
        return jdbc.update(SETTLE_SENDING, status, shorten(error), id, senderId) == 1;
    }

    /** A delivery whose sender died in flight, settled by what could be found out; only if still that sender's. */
    boolean settleOrphan(long id, String deadSenderId, String status, String error) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(status, shorten(error)));
        String sentAt = "";
        if (status.equals(Delivery.SENT)) {
            sentAt = ", sent_at = ?";
            arguments.add(now());
        }
        arguments.add(id);
        String sender = "sender_id IS NULL";
        if (deadSenderId != null) {
            sender = "sender_id = ?";
            arguments.add(deadSenderId);
        }
        return jdbc.update(SETTLE_ORPHAN.formatted(sentAt, sender), arguments.toArray()) == 1;
    }

    /**
     * Back to pending for a resend on demand, the attempts so far still counted: the failed
     * deliveries of a revision (and the uncertain ones where asked), keeping their Message-ID; or
     * with {@code email}, a new copy of every delivery of that address, with a new Message-ID.
     */
    public int reopen(String period, int revision, Optional<String> email, boolean uncertainToo) {
        if (email.isPresent()) {
            return jdbc.update(REOPEN_AS_COPIES_TO, period, revision, email.get());
        }
        return jdbc.update(uncertainToo ? REOPEN_FAILED_AND_UNCERTAIN : REOPEN_FAILED, period, revision);
    }

    /**
     * One delivery back to pending unless it is being sent right now: a failed or uncertain one
     * keeps its Message-ID (a mailbox that got the first copy keeps one); a sent one is sent again
     * as a copy, with a new Message-ID.
     */
    public int reopen(long id) {
        return jdbc.update(REOPEN_ONE, id);
    }

    private static String shorten(String text) {
        return text == null ? null : text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
