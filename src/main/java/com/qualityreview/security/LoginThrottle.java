package com.qualityreview.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code quality.login.max-failures} (5) failed logins within
 * {@code quality.login.failure-window} (15 min) for one user name, or from one address, logins
 * for that name or from that address are refused for {@code quality.login.lockout} (15 min),
 * right password or not. Kept in memory: each instance counts its own failures, and a restart
 * forgets them. Settings: {@link LoginProperties}, registered here rather than with the (web only)
 * SecurityConfiguration, so that a bad value stops every command, as it always has.
 */
@Component
@EnableConfigurationProperties(LoginProperties.class)
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Beyond this many names and addresses, those with nothing recent are forgotten (guessing with new names must not fill memory). */
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginProperties settings, Clock clock, AuditLog audit) {
        this.maxFailures = settings.maxFailures();
        this.window = settings.failureWindow();
        this.lockout = settings.lockout();
        this.clock = clock;
        this.audit = audit;
    }

    /** Refused logins: the name or the address is locked out until {@link #until()}. */
    static final class Throttled extends AuthenticationException {

        private final Instant until;
        private final Duration retryAfter;

        Throttled(Instant until, Duration retryAfter) {
            super("too many failed logins for this name or from this address: try again in " + minutes(retryAfter));
            this.until = until;
            this.retryAfter = retryAfter;
        }

        Instant until() {
            return until;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    private static final class Failures {
        final Deque<Instant> times = new ArrayDeque<>();
        Instant lockedUntil;
    }

    /** Refuses a login attempt at once while its name or address is locked out. */
    void check(String name, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (String key : new String[] {userKey(name), addressKey(address)}) {
            Failures entry = failures.get(key);
            if (entry != null) {
                synchronized (entry) {
                    if (entry.lockedUntil != null && now.isBefore(entry.lockedUntil)
                            && (until == null || entry.lockedUntil.isAfter(until))) {
                        until = entry.lockedUntil;
                    }
                }
            }
        }
        if (until != null) {
            throw new Throttled(until, Duration.between(now, until));
        }
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            forgetOld(now);
        }
        count(userKey(name), "user " + name, name, address, now);
        count(addressKey(address), "address " + address, name, address, now);
    }

    /** A right password ends the count of that name (not of the address: guessing there goes on counting). */
    void succeeded(String name) {
        failures.remove(userKey(name));
    }

    /** Forgets every failure (tests). */
    void reset() {
        failures.clear();
    }

    Duration lockout() {
        return lockout;
    }

    private void count(String key, String target, String name, String address, Instant now) {
        Failures entry = failures.computeIfAbsent(key, k -> new Failures());
        boolean lockedNow = false;
        synchronized (entry) {
            entry.times.removeIf(time -> !time.isAfter(now.minus(window)));
            entry.times.addLast(now);
            if (entry.times.size() >= maxFailures && (entry.lockedUntil == null || !now.isBefore(entry.lockedUntil))) {
                entry.lockedUntil = now.plus(lockout);
                entry.times.clear();
                lockedNow = true;
            }
        }
        if (lockedNow) {
            String outcome = maxFailures + " failed logins within " + minutes(window) + " (the last as " + name + " from " + address
                    + "): logins refused for " + minutes(lockout);
            try {
                audit.recordAs(name + " (not logged in)", "logins throttled", target, outcome);
            }
            catch (RuntimeException e) {
                log.warn("logins throttled for {}: {} (not in the audit log: {})", AuditLog.escape(target), AuditLog.escape(outcome),
                        e.getMessage());
            }
        }
    }

    private void forgetOld(Instant now) {
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                Failures f = entry.getValue();
                boolean locked = f.lockedUntil != null && now.isBefore(f.lockedUntil);
                return !locked && (f.times.isEmpty() || !f.times.peekLast().isAfter(now.minus(window)));
            }
        });
    }

    private static String userKey(String name) {
        return "user:" + (name == null ? "" : name.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    static String minutes(Duration duration) {
        long minutes = (duration.toSeconds() + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
