package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qualityreview.system.Settings;

import org.junit.jupiter.api.Test;

/** The review's settings: the defaults README (Configuration) documents, and a setting given wins. */
class ReviewPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ReviewProperties properties = Settings.bind(ReviewProperties.class);

        assertThat(properties.organisationName()).isEqualTo("Organisation");
        assertThat(properties.review().sitesPerChunk()).isEqualTo(50);
    }

    @Test
    void aSettingGivenWins() {
        ReviewProperties properties = Settings.bind(ReviewProperties.class, "quality.organisation-name=Acme Care",
                "quality.review.sites-per-chunk=1");

        assertThat(properties.organisationName()).isEqualTo("Acme Care");
        assertThat(properties.review().sitesPerChunk()).isEqualTo(1);
    }

    @Test
    void noSitesPerChunkNamesTheSetting() {
        assertThatThrownBy(() -> Settings.bind(ReviewProperties.class, "quality.review.sites-per-chunk=0"))
                .hasRootCauseMessage("quality.review.sites-per-chunk must be at least 1, was 0");
    }
}
