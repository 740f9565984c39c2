package com.qualityreview.system;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The product's own cross-cutting settings (SPEC section 11; README, Configuration), defaults here
 * and nowhere else. A module's own settings are in its settings record ({@code ReviewProperties},
 * {@code ReportingProperties}, {@code DeliveryProperties}, {@code SchedulingProperties},
 * {@code IntakeProperties}, {@code LoginProperties}). A bad value stops the application at start
 * with a message that names the setting.
 *
 * @param zone organisation time zone for periods and schedules
 * @param reportsDir where review files are written
 * @param outboxDir where emails go as .eml when no SMTP host is configured
 * @param inboundDir folder the inbound scan reads
 * @param ratingScheme star rating scheme; the built-in default when that file is absent
 * @param stakeholders report recipients
 * @param uploadsDir where files uploaded through the API or console are kept
 * @param uploads what happens to the uploads
 * @param jobs liveness of running work
 * @param users console and API users
 * @param serveWhenNoCommand whether a command line with no command serves (false in tests, whose
 *        contexts start with no command)
 */
@ConfigurationProperties("quality")
public record QualityProperties(
        @DefaultValue("UTC") String zone,
        @DefaultValue("./reports") Path reportsDir,
        @DefaultValue("./outbox") Path outboxDir,
        @DefaultValue("./inbound") Path inboundDir,
        @DefaultValue("jobs/star-rating.yml") Path ratingScheme,
        @DefaultValue("jobs/stakeholders.yml") Path stakeholders,
        @DefaultValue("./uploads") Path uploadsDir,
        @DefaultValue Uploads uploads,
        @DefaultValue Jobs jobs,
        List<User> users,
        @DefaultValue("true") boolean serveWhenNoCommand) {

    public QualityProperties {
        try {
            ZoneId.of(zone);
        }
        catch (DateTimeException e) {
            throw new IllegalArgumentException("quality.zone: '" + zone + "' is not a known time zone (for example UTC or Asia/Shanghai)");
        }
        users = users == null ? List.of() : List.copyOf(users);
        for (int i = 0; i < users.size(); i++) {
            users.get(i).check("quality.users[" + i + "]");
        }
        if (jobs.heartbeatInterval().isNegative() || jobs.heartbeatInterval().isZero()) {
            throw new IllegalArgumentException("quality.jobs.heartbeat-interval must be positive, was " + jobs.heartbeatInterval());
        }
        if (jobs.leaseTime().compareTo(jobs.heartbeatInterval().multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("quality.jobs.lease-time (" + jobs.leaseTime() + ") must be at least twice"
                    + " quality.jobs.heartbeat-interval (" + jobs.heartbeatInterval() + "), or a live job could look dead");
        }
        if (uploads.retention().isNegative() || uploads.retention().isZero()) {
            throw new IllegalArgumentException("quality.uploads.retention must be positive (such as P30D), was " + uploads.retention());
        }
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /**
     * {@code quality.uploads.*}.
     *
     * @param retention uploads (and their rejects files) are deleted this long after they were last written
     */
    public record Uploads(@DefaultValue("P30D") Duration retention) {
    }

    /**
     * Liveness of running work: every process renews its heartbeat this often; work whose process
     * has not renewed it for the lease time is taken as gone and may be restarted.
     */
    public record Jobs(@DefaultValue("PT5S") Duration heartbeatInterval, @DefaultValue("PT30S") Duration leaseTime) {
    }

    /**
     * A person who may use the console and the API. The password is stored encoded, as Spring
     * Security writes it ({@code {bcrypt}$2a$...}); the role is ADMIN (everything) or VIEWER (read only).
     */
    public record User(String name, String password, String role) {

        public static final Set<String> ROLES = Set.of("ADMIN", "VIEWER");
        /** The password encodings a user's password may have ({@code {bcrypt}...}). */
        public static final Set<String> PASSWORD_ENCODINGS = Set.of("bcrypt", "pbkdf2", "pbkdf2@SpringSecurity_v5_8");

        void check(String setting) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(setting + ".name is missing");
            }
            if (role == null || !ROLES.contains(role)) {
                throw new IllegalArgumentException(setting + ".role: '" + role + "' is not ADMIN or VIEWER");
            }
            if (password != null && !password.isEmpty()) {
                checkEncoded(setting + ".password", password);
            }
        }

        /**
         * Only slow, salted hashes this application can check: {@code {bcrypt}} (what encode-password
         * prints) and {@code {pbkdf2}}. Plain text ({@code {noop}} or no prefix) and fast or
         * legacy digests ({@code {sha256}}, {@code {MD5}}, ...) are refused, also in tests.
         */
        private static void checkEncoded(String setting, String password) {
            Matcher encoded = Pattern.compile("^\\{([^}]*)}(.*)$").matcher(password);
            String use = "; set an encoded password such as {bcrypt}$2a$10$... (encode-password prints one)";
            if (!encoded.matches()) {
                throw new IllegalArgumentException(setting + " must be an encoded password, never plain text" + use);
            }
            String id = encoded.group(1);
            if (id.equals("noop")) {
                throw new IllegalArgumentException(setting + ": {noop} is a plain-text password, which is not accepted" + use);
            }
            if (!PASSWORD_ENCODINGS.contains(id)) {
                throw new IllegalArgumentException(setting + ": {" + id + "} is not accepted (only " + PASSWORD_ENCODINGS.stream().sorted()
                        .map(e -> "{" + e + "}").collect(Collectors.joining(", ")) + ")" + use);
            }
            if (id.equals("bcrypt") && !encoded.group(2).matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new IllegalArgumentException(setting + ": the {bcrypt} hash is cut short or damaged" + use);
            }
        }

        public boolean hasPassword() {
            return password != null && !password.isEmpty();
        }

        @Override
        public String toString() {
            // Never print even the hash.
            return "User[name=" + name + ", role=" + role + "]";
        }
    }
}
