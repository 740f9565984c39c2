package com.qualityreview.scale;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How partitioned steps spread their work, {@code quality.scale.*} (README, Configuration; docs/scaling.md),
 * defaults here and nowhere else.
 *
 * @param partitions         partitions per partitioned step; 0 (the default) means twice the processor cores
 * @param mode               where the partitions run
 * @param queue              the durable RabbitMQ queue partition requests go through (rabbitmq mode)
 * @param pollInterval       how often a waiting manager step reads its partitions' state, and checks their workers
 * @param workerTimeout      a running partition whose worker has not renewed its lease for this long is lost
 * @param workerConcurrency  partitions one {@code worker} process runs at once
 */
@ConfigurationProperties("quality.scale")
public record ScaleProperties(
        @DefaultValue("0") int partitions,
        @DefaultValue("LOCAL") ScaleMode mode,
        @DefaultValue("quality.review.partitions") String queue,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("PT60S") Duration workerTimeout,
        @DefaultValue("1") int workerConcurrency) {

    public ScaleProperties {
        if (partitions < 0) {
            throw new IllegalArgumentException("quality.scale.partitions must be 0 (twice the cores) or more, was " + partitions);
        }
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("quality.scale.queue must name a queue");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("quality.scale.poll-interval must be positive, was " + pollInterval);
        }
        if (workerTimeout.isNegative() || workerTimeout.isZero()) {
            throw new IllegalArgumentException("quality.scale.worker-timeout must be positive, was " + workerTimeout);
        }
        if (workerConcurrency < 1) {
            throw new IllegalArgumentException("quality.scale.worker-concurrency must be 1 or more, was " + workerConcurrency);
        }
    }

    /** The partitions per partitioned step: as set, or twice the processor cores when 0. */
    public int partitionCount() {
        return partitions > 0 ? partitions : 2 * Runtime.getRuntime().availableProcessors();
    }
}
