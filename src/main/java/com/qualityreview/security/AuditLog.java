package com.qualityreview.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who started, stopped, restarted or resent what, and how it went: kept in the database (the
 * console and {@code GET /api/audit} show it) and written to the log under {@code quality.audit}.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("quality.audit");

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Event(long id, OffsetDateTime at, String username, String action, String target, String outcome) {
    }

    /** Records an action of the person logged in (or, on the command line, of the operating-system user). */
    public void record(String action, String target, String outcome) {
        String who = currentUser();
        jdbc.update("INSERT INTO audit_event (occurred_at, username, action, target, outcome) VALUES (?, ?, ?, ?, ?)",
                OffsetDateTime.now(ZoneOffset.UTC), who, action, shorten(target, 400), shorten(outcome, 1000));
        log.info("{} {} {}: {}", who, action, target, outcome);
    }

    public List<Event> recent(int limit) {
        return jdbc.query("SELECT * FROM audit_event ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY",
                (row, n) -> new Event(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class), row.getString("username"),
                        row.getString("action"), row.getString("target"), row.getString("outcome")));
    }

    static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null) {
            return authentication.getName();
        }
        return "command line (" + System.getProperty("user.name", "unknown") + ")";
    }

    private static String shorten(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
