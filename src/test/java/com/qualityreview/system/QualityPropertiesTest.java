package com.qualityreview.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The cross-cutting settings: the defaults README (Configuration) documents, and a setting given wins. */
class QualityPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        // A folder's ./ goes in the binding: ./reports is bound as reports, the same folder.
        QualityProperties properties = Settings.bind(QualityProperties.class);

        assertThat(properties.zone()).isEqualTo("UTC");
        assertThat(properties.reportsDir()).isEqualTo(Path.of("./reports").normalize());
        assertThat(properties.outboxDir()).isEqualTo(Path.of("./outbox").normalize());
        assertThat(properties.inboundDir()).isEqualTo(Path.of("./inbound").normalize());
        assertThat(properties.ratingScheme()).isEqualTo(Path.of("jobs/star-rating.yml"));
        assertThat(properties.stakeholders()).isEqualTo(Path.of("jobs/stakeholders.yml"));
        assertThat(properties.uploadsDir()).isEqualTo(Path.of("./uploads").normalize());
        assertThat(properties.uploads().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.jobs().heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.jobs().leaseTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.users()).isEmpty();
        assertThat(properties.serveWhenNoCommand()).isTrue();
    }

    @Test
    void aSettingGivenWins() {
        QualityProperties properties = Settings.bind(QualityProperties.class, "quality.uploads.retention=7d", "quality.uploads-dir=/srv/up",
                "quality.serve-when-no-command=false", "quality.zone=Asia/Shanghai");

        assertThat(properties.uploads().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.uploadsDir()).isEqualTo(Path.of("/srv/up"));
        assertThat(properties.serveWhenNoCommand()).isFalse();
        assertThat(properties.zone()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aRetentionThatIsNotPositiveNamesTheSetting() {
        assertThatThrownBy(() -> Settings.bind(QualityProperties.class, "quality.uploads.retention=-P1D"))
                .hasRootCauseMessage("quality.uploads.retention must be positive (such as P30D), was PT-24H");
    }
}
