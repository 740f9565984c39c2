package com.qualityreview.alerts;

import java.time.LocalTime;
import java.util.List;

import com.qualityreview.delivery.EmailAddresses;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadline watchdog's settings, {@code quality.alerts.*} (README, Configuration), defaults
 * here and nowhere else. The deadline is read in quality.zone.
 *
 * @param to the administrators' addresses the alert goes to; none: no email, the console and the log still say it
 * @param deadlineDay the day of the month after the period by which its review must be done (1 to 28)
 * @param deadlineTime the time of day of the deadline
 */
@ConfigurationProperties("quality.alerts")
public record AlertsProperties(
        @DefaultValue({}) List<String> to,
        @DefaultValue("1") int deadlineDay,
        @DefaultValue("07:00") LocalTime deadlineTime) {

    public AlertsProperties {
        for (int i = 0; i < to.size(); i++) {
            if (!EmailAddresses.isValid(to.get(i))) {
                throw new IllegalArgumentException("quality.alerts.to[" + i + "]: '" + to.get(i) + "' is not a valid email address");
            }
        }
        if (deadlineDay < 1 || deadlineDay > 28) {
            throw new IllegalArgumentException("quality.alerts.deadline-day must be 1 to 28 (a day every month has), was " + deadlineDay);
        }
        to = List.copyOf(to);
    }
}
