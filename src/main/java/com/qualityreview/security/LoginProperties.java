package com.qualityreview.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login throttle's settings, {@code quality.login.*} (README, Configuration; docs/operations.md),
 * defaults here and nowhere else: this many failed logins within the window lock a name or an
 * address out for the lockout.
 *
 * @param maxFailures failed logins that lock a name or an address
 * @param failureWindow within this time
 * @param lockout for this long
 */
@ConfigurationProperties("quality.login")
public record LoginProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("PT15M") Duration failureWindow,
        @DefaultValue("PT15M") Duration lockout) {

    public LoginProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("quality.login.max-failures must be at least 1, was " + maxFailures);
        }
        if (failureWindow.isNegative() || failureWindow.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("quality.login.failure-window and quality.login.lockout must be positive, were "
                    + failureWindow + " and " + lockout);
        }
    }
}
