package com.qualityreview.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.qualityreview.system.Audited;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.JobEnded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who did what, and how it went: every start, stop, restart, resend, import and demo from the
 * console, the API or the command line (the features publish them as {@link Audited} events), how
 * work started in the background ended, and refused attempts. Kept in the database (the console
 * and {@code GET /api/audit} show it) and written to the log under {@code quality.audit}. Values
 * are stored and logged with line breaks and other control characters escaped, so that nobody can
 * forge a line by naming a file or a user.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("quality.audit");

    private static final String INSERT_EVENT = """
            INSERT INTO audit_event (occurred_at, username, action, target, outcome) VALUES (?, ?, ?, ?, ?)""";
    /** %s: how many. */
    private static final String SELECT_LATEST_EVENTS = """
            SELECT * FROM audit_event ORDER BY id DESC FETCH FIRST %s ROWS ONLY""";

    private final JdbcTemplate jdbc;
    /** Executions started in the background by a person, until their end is recorded. */
    private final Map<Long, Started> running = new ConcurrentHashMap<>();

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Event(long id, OffsetDateTime at, String username, String action, String target, String outcome) {
    }

    private record Started(String who, String action, String target) {
    }

    /**
     * What a feature did, recorded in the thread that did it (so as the person logged in) before
     * the publisher goes on: one that cannot be recorded fails the action's caller, as before.
     */
    @EventListener
    void audited(Audited event) {
        event.backgroundJob().ifPresentOrElse(job -> recordStart(event.action(), event.target(), event.outcome(), job),
                () -> record(event.action(), event.target(), event.outcome()));
    }

    /** Records an action of the person logged in (or, on the command line, of the operating-system user). */
    public void record(String action, String target, String outcome) {
        recordAs(currentUser(), action, target, outcome);
    }

    /** Records an action of someone who is not (or no longer) the current user: a refused login's name, a job's starter. */
    public void recordAs(String who, String action, String target, String outcome) {
        String user = shorten(escape(who), 200);
        String did = shorten(escape(action), 40);
        String what = shorten(escape(target), 400);
        String how = shorten(escape(outcome), 1000);
        jdbc.update(INSERT_EVENT,
                OffsetDateTime.now(ZoneOffset.UTC), user, did, what, how);
        log.info("{} {} {}: {}", user, did, what, how);
    }

    /**
     * Records that a job was started in the background (such as {@code "start review"}) and, once
     * it has ended, how it went ({@code "review ended"}), as the person who started it.
     */
    private void recordStart(String action, String target, String outcome, JobExecution execution) {
        String who = currentUser();
        recordAs(who, action, target, outcome);
        running.put(execution.getId(), new Started(who, action.replaceFirst("^start ", ""), target));
        if (!execution.getStatus().isRunning()) {
            // It ended before it was watched.
            ended(execution);
        }
    }

    @EventListener
    void jobEnded(JobEnded event) {
        ended(event.execution());
    }

    private void ended(JobExecution execution) {
        Started started = running.remove(execution.getId());
        if (started == null) {
            return;
        }
        Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        recordAs(started.who(), started.action() + " ended", started.target(), "execution " + execution.getId() + " "
                + execution.getStatus() + (failure == null ? "" : ": " + CommandException.oneLine(failure)));
    }

    public List<Event> recent(int limit) {
        return jdbc.query(SELECT_LATEST_EVENTS.formatted(Math.max(1, Math.min(limit, 1000))),
                (row, n) -> new Event(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class), row.getString("username"),
                        row.getString("action"), row.getString("target"), row.getString("outcome")));
    }

    static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getName() != null) {
            return authentication.getName();
        }
        return "command line (" + System.getProperty("user.name", "unknown") + ")";
    }

    /**
     * Line breaks, tabs and other control characters (also Unicode line separators and the
     * direction overrides that can make a line read otherwise) as visible escapes: {@code \n},
     * {@code \r}, {@code \t}, {@code \u001b}.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x200E || c == 0x200F
                            || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                        escaped.append(String.format("\\u%04x", c));
                    }
                    else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static String shorten(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 2)) ? max - 2 : max - 1;
        return value.substring(0, end) + "…";
    }
}
