package com.qualityreview.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The intake's settings (README, Configuration), defaults here and nowhere else:
 * {@code quality.importing.*} and {@code quality.inbound.*} (the folders are quality.inbound-dir and
 * quality.uploads-dir, of {@link com.qualityreview.system.QualityProperties}).
 *
 * @param importing the import job's tuning
 * @param inbound the inbound scan's rule
 */
@ConfigurationProperties("quality")
public record IntakeProperties(@DefaultValue Importing importing, @DefaultValue Inbound inbound) {

    public IntakeProperties {
        if (importing.chunkSize() < 1) {
            throw new IllegalArgumentException("quality.importing.chunk-size must be at least 1, was " + importing.chunkSize());
        }
    }

    /**
     * {@code quality.importing.*}.
     *
     * @param chunkSize rows per committed import chunk
     */
    public record Importing(@DefaultValue("2000") int chunkSize) {
    }

    /**
     * {@code quality.inbound.*}.
     *
     * @param settleTime an inbound file modified more recently is taken to be still being written
     */
    public record Inbound(@DefaultValue("PT30S") Duration settleTime) {
    }
}
