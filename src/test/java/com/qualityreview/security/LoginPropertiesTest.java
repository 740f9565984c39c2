package com.qualityreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.qualityreview.system.Settings;

import org.junit.jupiter.api.Test;

/** The login throttle's settings: the defaults README (Configuration) documents, and a setting given wins. */
class LoginPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        LoginProperties properties = Settings.bind(LoginProperties.class);

        assertThat(properties.maxFailures()).isEqualTo(5);
        assertThat(properties.failureWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.lockout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSettingGivenWins() {
        LoginProperties properties = Settings.bind(LoginProperties.class, "quality.login.max-failures=3",
                "quality.login.failure-window=PT5M", "quality.login.lockout=1h");

        assertThat(properties.maxFailures()).isEqualTo(3);
        assertThat(properties.failureWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.lockout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBadValueNamesTheSetting() {
        assertThatThrownBy(() -> Settings.bind(LoginProperties.class, "quality.login.max-failures=0"))
                .hasRootCauseMessage("quality.login.max-failures must be at least 1, was 0");
        assertThatThrownBy(() -> Settings.bind(LoginProperties.class, "quality.login.lockout=PT0S"))
                .hasRootCauseMessage("quality.login.failure-window and quality.login.lockout must be positive, were PT15M and PT0S");
    }
}
