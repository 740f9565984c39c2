package com.qualityreview.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;

import com.qualityreview.system.Settings;

import org.junit.jupiter.api.Test;

/** The watchdog's settings: the defaults README (Configuration) documents, a setting given wins, a bad one is named. */
class AlertsPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        AlertsProperties properties = Settings.bind(AlertsProperties.class);

        assertThat(properties.to()).isEmpty();
        assertThat(properties.deadlineDay()).isEqualTo(1);
        assertThat(properties.deadlineTime()).isEqualTo(LocalTime.of(7, 0));
    }

    @Test
    void aSettingGivenWins() {
        AlertsProperties properties = Settings.bind(AlertsProperties.class, "quality.alerts.to=ops@example.com,lead@example.org",
                "quality.alerts.deadline-day=3", "quality.alerts.deadline-time=09:30");

        assertThat(properties.to()).containsExactly("ops@example.com", "lead@example.org");
        assertThat(properties.deadlineDay()).isEqualTo(3);
        assertThat(properties.deadlineTime()).isEqualTo(LocalTime.of(9, 30));
    }

    @Test
    void anAddressThatIsNotOneIsNamedWithItsPosition() {
        assertThatThrownBy(() -> Settings.bind(AlertsProperties.class, "quality.alerts.to=ops@example.com,not an address"))
                .hasRootCauseMessage("quality.alerts.to[1]: 'not an address' is not a valid email address");
    }

    @Test
    void aDeadlineDaySomeMonthsLackIsRefused() {
        assertThatThrownBy(() -> Settings.bind(AlertsProperties.class, "quality.alerts.deadline-day=29"))
                .hasRootCauseMessage("quality.alerts.deadline-day must be 1 to 28 (a day every month has), was 29");
    }
}
