package com.qualityreview.system;

import java.util.regex.Pattern;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a VIEWER is not shown: where the server keeps its files (absolute paths) and the SQL it
 * runs (in failure messages). A VIEWER reads reports; an attacker who has a VIEWER's password
 * should learn nothing about the machine from them. ADMIN, who runs the server, sees it all.
 */
public final class ServerDetails {

    /** An absolute path (Unix, or Windows with a drive), up to its last name, which is kept. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile(
            "(?<![\\w.:/\\\\])(?:file:)?(?:/|[A-Za-z]:\\\\)(?:[^\\s/\\\\:;,'\"\\[\\]()<>]+[/\\\\])*(?=[^\\s/\\\\:;,'\"\\[\\]()<>]+)");
    /** SQL in the brackets Spring and the JDBC drivers put it in ("bad SQL grammar [SELECT ...]", "in statement [...]"). */
    private static final Pattern BRACKETED_SQL = Pattern.compile(
            "\\[\\s*(?i:SELECT|INSERT|UPDATE|DELETE|MERGE|WITH|CREATE|ALTER|DROP|CALL|COPY|TRUNCATE|VALUES)\\b[^\\]]*]");
    /** PostgreSQL's "Batch entry 0 INSERT INTO ... was aborted". */
    private static final Pattern BATCH_ENTRY = Pattern.compile("(Batch entry \\d+) .*? (was aborted)");
    /** A statement after "SQL" or "statement" that is not in brackets. */
    private static final Pattern NAMED_SQL = Pattern.compile(
            "(?i)((?:SQL|statement)\\s*[:=]?\\s*)(?:SELECT|INSERT|UPDATE|DELETE|MERGE|WITH|CREATE|ALTER|DROP|CALL|COPY)\\b[^;\\]]*");

    private ServerDetails() {
    }

    /** Whether the person logged in (in the console or the API) is a VIEWER; on the command line, never. */
    public static boolean hiddenFromCurrentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** The text without absolute paths (each becomes its last name) and without SQL statements. */
    public static String hide(String text) {
        if (text == null) {
            return null;
        }
        String hidden = BRACKETED_SQL.matcher(text).replaceAll("[SQL not shown]");
        hidden = BATCH_ENTRY.matcher(hidden).replaceAll("$1 [SQL not shown] $2");
        hidden = NAMED_SQL.matcher(hidden).replaceAll("$1[SQL not shown]");
        return ABSOLUTE_PATH.matcher(hidden).replaceAll("");
    }

    /** As {@link #hide(String)} for a VIEWER; the text itself for anyone else. */
    public static String forCurrentUser(String text) {
        return hiddenFromCurrentUser() ? hide(text) : text;
    }
}
