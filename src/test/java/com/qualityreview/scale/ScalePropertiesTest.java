package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.qualityreview.system.Settings;

import org.junit.jupiter.api.Test;

/** The scale-out settings: the defaults README (Configuration) documents, a setting given wins, a bad one is named. */
class ScalePropertiesTest {

    @Test
    void byDefaultPartitionsRunLocallyTwicePerCore() {
        ScaleProperties properties = Settings.bind(ScaleProperties.class);

        assertThat(properties.partitions()).isZero();
        assertThat(properties.partitionCount()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(properties.mode()).isEqualTo(ScaleMode.LOCAL);
    }

    @Test
    void byDefaultWorkersTakeOneRequestAtATimeFromTheReviewQueueAndAreLostAfterAMinute() {
        ScaleProperties properties = Settings.bind(ScaleProperties.class);

        assertThat(properties.queue()).isEqualTo("quality.review.partitions");
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.workerTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.workerConcurrency()).isEqualTo(1);
    }

    @Test
    void aSettingGivenWins() {
        ScaleProperties properties = Settings.bind(ScaleProperties.class, "quality.scale.partitions=3", "quality.scale.mode=rabbitmq",
                "quality.scale.queue=qr.partitions", "quality.scale.poll-interval=500ms", "quality.scale.worker-timeout=PT2M",
                "quality.scale.worker-concurrency=4");

        assertThat(properties.partitionCount()).isEqualTo(3);
        assertThat(properties.mode()).isEqualTo(ScaleMode.RABBITMQ);
        assertThat(properties.queue()).isEqualTo("qr.partitions");
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.workerTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.workerConcurrency()).isEqualTo(4);
    }

    @Test
    void aNegativeCountIsNamed() {
        assertThatThrownBy(() -> Settings.bind(ScaleProperties.class, "quality.scale.partitions=-1"))
                .hasRootCauseMessage("quality.scale.partitions must be 0 (twice the cores) or more, was -1");
    }

    @Test
    void noWorkerConcurrencyIsNamed() {
        assertThatThrownBy(() -> Settings.bind(ScaleProperties.class, "quality.scale.worker-concurrency=0"))
                .hasRootCauseMessage("quality.scale.worker-concurrency must be 1 or more, was 0");
    }

    @Test
    void aWorkerTimeoutOfNothingIsNamed() {
        assertThatThrownBy(() -> Settings.bind(ScaleProperties.class, "quality.scale.worker-timeout=0s"))
                .hasRootCauseMessage("quality.scale.worker-timeout must be positive, was PT0S");
    }

    @Test
    void aBlankQueueIsNamed() {
        assertThatThrownBy(() -> Settings.bind(ScaleProperties.class, "quality.scale.queue= "))
                .hasRootCauseMessage("quality.scale.queue must name a queue");
    }
}
