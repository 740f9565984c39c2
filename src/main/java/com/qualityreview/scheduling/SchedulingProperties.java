package com.qualityreview.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The schedules' settings, {@code quality.schedules.*} (README, Configuration), defaults here and
 * nowhere else. The cron expressions are read in quality.zone.
 *
 * @param inboundScan cron (sec min hour day month weekday) of the inbound scan
 * @param monthlyReview cron of the review of the previous month
 * @param catchUpWindow how far back a missed run is still made up at start
 * @param tick how often serve looks for a run that is due
 */
@ConfigurationProperties("quality.schedules")
public record SchedulingProperties(
        @DefaultValue("0 30 1 * * *") String inboundScan,
        @DefaultValue("0 0 6 1 * *") String monthlyReview,
        @DefaultValue("P7D") Duration catchUpWindow,
        @DefaultValue("PT1M") Duration tick) {

    public SchedulingProperties {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("quality.schedules.tick must be positive (such as PT1M), was " + tick);
        }
    }
}
