package com.qualityreview.scale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How partitioned steps spread their work, {@code quality.scale.*} (README, Configuration; docs/scaling.md),
 * defaults here and nowhere else.
 *
 * @param partitions partitions per partitioned step; 0 (the default) means twice the processor cores
 * @param mode where the partitions run
 */
@ConfigurationProperties("quality.scale")
public record ScaleProperties(
        @DefaultValue("0") int partitions,
        @DefaultValue("LOCAL") ScaleMode mode) {

    public ScaleProperties {
        if (partitions < 0) {
            throw new IllegalArgumentException("quality.scale.partitions must be 0 (twice the cores) or more, was " + partitions);
        }
    }

    /** The partitions per partitioned step: as set, or twice the processor cores when 0. */
    public int partitionCount() {
        return partitions > 0 ? partitions : 2 * Runtime.getRuntime().availableProcessors();
    }
}
