package com.qualityreview.system;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

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
        @DefaultValue Import importing) {

    public QualityProperties {
        try {
            ZoneId.of(zone);
        }
        catch (DateTimeException e) {
            throw new IllegalArgumentException("quality.zone: '" + zone + "' is not a known time zone (for example UTC or Asia/Shanghai)");
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
}
