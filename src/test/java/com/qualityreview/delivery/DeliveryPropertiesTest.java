package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.qualityreview.system.Settings;

import org.junit.jupiter.api.Test;

/** The deliveries' settings: the defaults README (Configuration) documents, and a setting given wins. */
class DeliveryPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        DeliveryProperties properties = Settings.bind(DeliveryProperties.class);

        assertThat(properties.mail().from()).isEqualTo("Quality Review <quality-review@localhost>");
        assertThat(properties.mail().messageIdDomain()).isEqualTo("quality-review.local");
        assertThat(properties.mail().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.mail().readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.mail().writeTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.delivery().maxAttempts()).isEqualTo(4);
        assertThat(properties.delivery().retryDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.delivery().threads()).isEqualTo(8);
    }

    @Test
    void aSettingGivenWins() {
        DeliveryProperties properties = Settings.bind(DeliveryProperties.class, "quality.mail.from=Reports <r@example.com>",
                "quality.mail.message-id-domain=example.com", "quality.mail.connect-timeout=2s", "quality.mail.read-timeout=PT10M",
                "quality.mail.write-timeout=PT5S", "quality.delivery.max-attempts=8", "quality.delivery.retry-delay=PT0.2S",
                "quality.delivery.threads=1");

        assertThat(properties.mail().from()).isEqualTo("Reports <r@example.com>");
        assertThat(properties.mail().messageIdDomain()).isEqualTo("example.com");
        assertThat(properties.mail().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.mail().readTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.mail().writeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.delivery().maxAttempts()).isEqualTo(8);
        assertThat(properties.delivery().retryDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.delivery().threads()).isEqualTo(1);
    }

    @Test
    void aNegativeTimeOrDelayNamesTheSetting() {
        assertThatThrownBy(() -> Settings.bind(DeliveryProperties.class, "quality.mail.read-timeout=-PT1S"))
                .hasRootCauseMessage("quality.mail.read-timeout must not be negative, was PT-1S");
        assertThatThrownBy(() -> Settings.bind(DeliveryProperties.class, "quality.delivery.retry-delay=-PT2S"))
                .hasRootCauseMessage("quality.delivery.retry-delay must not be negative, was PT-2S");
    }
}
