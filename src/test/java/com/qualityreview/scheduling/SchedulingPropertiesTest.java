package com.qualityreview.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.qualityreview.system.Settings;

import org.junit.jupiter.api.Test;

/** The schedules' settings: the defaults README (Configuration) documents, and a setting given wins. */
class SchedulingPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SchedulingProperties properties = Settings.bind(SchedulingProperties.class);

        assertThat(properties.inboundScan()).isEqualTo("0 30 1 * * *");
        assertThat(properties.monthlyReview()).isEqualTo("0 0 6 1 * *");
        assertThat(properties.catchUpWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.tick()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aSettingGivenWins() {
        SchedulingProperties properties = Settings.bind(SchedulingProperties.class, "quality.schedules.inbound-scan=0 0 2 * * *",
                "quality.schedules.monthly-review=0 0 7 2 * *", "quality.schedules.catch-up-window=PT0S", "quality.schedules.tick=5s");

        assertThat(properties.inboundScan()).isEqualTo("0 0 2 * * *");
        assertThat(properties.monthlyReview()).isEqualTo("0 0 7 2 * *");
        assertThat(properties.catchUpWindow()).isZero();
        assertThat(properties.tick()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aTickThatIsNotPositiveNamesTheSetting() {
        assertThatThrownBy(() -> Settings.bind(SchedulingProperties.class, "quality.schedules.tick=0s"))
                .hasRootCauseMessage("quality.schedules.tick must be positive (such as PT1M), was PT0S");
    }
}
