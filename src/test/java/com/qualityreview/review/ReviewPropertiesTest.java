package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qualityreview.system.Settings;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The review's settings: the defaults README (Configuration) documents, and a setting given wins. */
class ReviewPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ReviewProperties properties = Settings.bind(ReviewProperties.class);

        assertThat(properties.organisationName()).isEqualTo("Organisation");
        assertThat(properties.review().sitesPerChunk()).isEqualTo(50);
        assertThat(properties.review().incompleteBelowShare()).isEqualByComparingTo("0.5");
        assertThat(properties.review().driverMinRows()).isEqualTo(100);
    }

    @Test
    void aSettingGivenWins() {
        ReviewProperties properties = Settings.bind(ReviewProperties.class, "quality.organisation-name=Acme Care",
                "quality.review.sites-per-chunk=1", "quality.review.incomplete-below-share=0.25",
                "quality.review.driver-min-rows=30");

        assertThat(properties.organisationName()).isEqualTo("Acme Care");
        assertThat(properties.review().sitesPerChunk()).isEqualTo(1);
        assertThat(properties.review().incompleteBelowShare()).isEqualTo(new BigDecimal("0.25"));
        assertThat(properties.review().driverMinRows()).isEqualTo(30);
    }

    @Test
    void aDriverMinimumBelowTwoRowsNamesTheSetting() {
        assertThatThrownBy(() -> Settings.bind(ReviewProperties.class, "quality.review.driver-min-rows=1"))
                .hasRootCauseMessage("quality.review.driver-min-rows must be at least 2, was 1");
        assertThat(Settings.bind(ReviewProperties.class, "quality.review.driver-min-rows=2").review().driverMinRows()).isEqualTo(2);
    }

    @Test
    void noSitesPerChunkNamesTheSetting() {
        assertThatThrownBy(() -> Settings.bind(ReviewProperties.class, "quality.review.sites-per-chunk=0"))
                .hasRootCauseMessage("quality.review.sites-per-chunk must be at least 1, was 0");
    }

    @Test
    void aShareOutsideZeroToOneNamesTheSetting() {
        assertThatThrownBy(() -> Settings.bind(ReviewProperties.class, "quality.review.incomplete-below-share=1.5"))
                .hasRootCauseMessage("quality.review.incomplete-below-share must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> Settings.bind(ReviewProperties.class, "quality.review.incomplete-below-share=-0.1"))
                .hasRootCauseMessage("quality.review.incomplete-below-share must be between 0 and 1, was -0.1");
    }

    @Test
    void theEndsOfTheRangeAreAllowed() {
        assertThat(Settings.bind(ReviewProperties.class, "quality.review.incomplete-below-share=0").review().incompleteBelowShare())
                .isZero();
        assertThat(Settings.bind(ReviewProperties.class, "quality.review.incomplete-below-share=1").review().incompleteBelowShare())
                .isEqualByComparingTo(BigDecimal.ONE);
    }
}
