package com.qualityreview.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.qualityreview.system.Settings;

import org.junit.jupiter.api.Test;

/** The intake's settings: the defaults README (Configuration) documents, and a setting given wins. */
class IntakePropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        IntakeProperties properties = Settings.bind(IntakeProperties.class);

        assertThat(properties.importing().chunkSize()).isEqualTo(2000);
        assertThat(properties.inbound().settleTime()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aSettingGivenWins() {
        IntakeProperties properties = Settings.bind(IntakeProperties.class, "quality.importing.chunk-size=5",
                "quality.inbound.settle-time=PT0S");

        assertThat(properties.importing().chunkSize()).isEqualTo(5);
        assertThat(properties.inbound().settleTime()).isZero();
    }

    @Test
    void noRowsPerChunkNamesTheSetting() {
        assertThatThrownBy(() -> Settings.bind(IntakeProperties.class, "quality.importing.chunk-size=0"))
                .hasRootCauseMessage("quality.importing.chunk-size must be at least 1, was 0");
    }
}
