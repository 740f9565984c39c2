package com.qualityreview.system;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The product's own settings (SPEC section 11). A bad value stops the application at start with
 * a message that names the setting.
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
        @DefaultValue Import importing,
        @DefaultValue Jobs jobs,
        List<User> users) {

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
        if (importing.chunkSize() < 1) {
            throw new IllegalArgumentException("quality.importing.chunk-size must be at least 1, was " + importing.chunkSize());
        }
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** Import tuning: rows per committed chunk. */
    public record Import(@DefaultValue("2000") int chunkSize) {
    }

    /**
     * Liveness of running work: every process renews its heartbeat this often; work whose process
     * has not renewed it for the lease time is taken as gone and may be restarted.
     */
    public record Jobs(@DefaultValue("PT5S") java.time.Duration heartbeatInterval, @DefaultValue("PT30S") java.time.Duration leaseTime) {
    }

    /**
     * A person who may use the console and the API. The password is stored encoded, as Spring
     * Security writes it ({@code {bcrypt}$2a$...}); the role is ADMIN (everything) or VIEWER (read only).
     */
    public record User(String name, String password, String role) {

        public static final Set<String> ROLES = Set.of("ADMIN", "VIEWER");

        void check(String setting) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(setting + ".name is missing");
            }
            if (role == null || !ROLES.contains(role)) {
                throw new IllegalArgumentException(setting + ".role: '" + role + "' is not ADMIN or VIEWER");
            }
            if (password != null && !password.isEmpty() && !password.matches("^\\{[a-z0-9]+}.+")) {
                throw new IllegalArgumentException(setting + ".password must be an encoded password such as {bcrypt}$2a$10$..."
                        + " (never plain text)");
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
