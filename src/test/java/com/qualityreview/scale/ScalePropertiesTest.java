package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aSettingGivenWins() {
        ScaleProperties properties = Settings.bind(ScaleProperties.class, "quality.scale.partitions=3", "quality.scale.mode=rabbitmq");

        assertThat(properties.partitionCount()).isEqualTo(3);
        assertThat(properties.mode()).isEqualTo(ScaleMode.RABBITMQ);
    }

    @Test
    void aNegativeCountIsNamed() {
        assertThatThrownBy(() -> Settings.bind(ScaleProperties.class, "quality.scale.partitions=-1"))
                .hasRootCauseMessage("quality.scale.partitions must be 0 (twice the cores) or more, was -1");
    }
}
