package com.qualityreview.review.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RatingSchemeTest {

    /** Levels 1..5 each with one threshold, with {@code levelN} replacing the line of level N. */
    private static String scheme(String level3) {
        return """
                minimum-feedback: 20
                levels:
                  1: { min-quality-index: 40 }
                  2: { min-quality-index: 55, min-csat-mean: 3.5 }
                """ + "  3: " + level3 + "\n" + """
                  4: { min-quality-index: 75 }
                  5: { min-quality-index: 85 }
                """;
    }

    @Test
    void theDefaultSchemeIsTheOneOfTheContract() {
        RatingScheme s = RatingScheme.defaultScheme();
        assertThat(s.minimumFeedback()).isEqualTo(30);
        assertThat(s.levels()).hasSize(5);
        assertThat(s.level(1).thresholds()).containsOnlyKeys(Threshold.MIN_QUALITY_INDEX);
        assertThat(s.level(3).thresholds()).containsOnlyKeys(Threshold.MIN_QUALITY_INDEX, Threshold.MIN_CSAT_MEAN,
                Threshold.MAX_COMPLAINT_RATE_PCT, Threshold.MIN_AUDIT_SCORE_PCT);
        assertThat(s.level(3).thresholds().get(Threshold.MIN_CSAT_MEAN)).isEqualByComparingTo("3.8");
        assertThat(s.level(5).thresholds().get(Threshold.MAX_COMPLAINT_RATE_PCT)).isEqualByComparingTo("1.5");
        assertThat(s.level(4).thresholds().get(Threshold.MIN_NPS)).isEqualByComparingTo("20");
        assertThat(s.level(4).allKpisMet()).isFalse();
        assertThat(s.level(5).allKpisMet()).isTrue();
    }

    @Test
    void minimumFeedbackDefaultsTo30() {
        RatingScheme s = RatingScheme.parse(scheme("{ min-quality-index: 65 }").replace("minimum-feedback: 20\n", ""));
        assertThat(s.minimumFeedback()).isEqualTo(30);
        assertThat(RatingScheme.parse(scheme("{ min-quality-index: 65 }")).minimumFeedback()).isEqualTo(20);
    }

    @Test
    void acceptsTheExtraThresholdKeysAndEqualValuesAcrossLevels() {
        RatingScheme s = RatingScheme.parse(scheme(
                "{ min-quality-index: 55, min-fcr-pct: 60, max-resolution-hours-mean: 48, min-audit-count: 1, "
                        + "min-csat-satisfied-pct: 70, min-kpi-met-pct: 50, all-kpis-met: false }"));
        assertThat(s.level(3).thresholds()).containsEntry(Threshold.MIN_FCR_PCT, new BigDecimal("60"))
                .containsEntry(Threshold.MAX_RESOLUTION_HOURS_MEAN, new BigDecimal("48"))
                .containsEntry(Threshold.MIN_AUDIT_COUNT, new BigDecimal("1"))
                .hasSize(6);
        assertThat(s.level(3).allKpisMet()).isFalse();
    }

    @Test
    void aLevelWithoutNumbersIsRejectedNamingTheLevel() {
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{}")))
                .isInstanceOf(RatingSchemeException.class).hasMessageContaining("level 3 has no thresholds");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("")))
                .hasMessageContaining("level 3 has no thresholds");
        // all-kpis-met: false asks for nothing
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ all-kpis-met: false }")))
                .hasMessageContaining("level 3 has no thresholds");
    }

    @Test
    void aLevelWithOnlyAllKpisMetIsAccepted() {
        assertThat(RatingScheme.parse(scheme("{ all-kpis-met: true }")).level(3).allKpisMet()).isTrue();
    }

    @Test
    void aMissingLevelIsRejected() {
        String text = scheme("{ min-quality-index: 65 }").replace("  4: { min-quality-index: 75 }\n", "");
        assertThatThrownBy(() -> RatingScheme.parse(text)).hasMessageContaining("level 4 is missing");
    }

    @Test
    void aLevelOutside1To5IsRejected() {
        String text = scheme("{ min-quality-index: 65 }") + "  6: { min-quality-index: 95 }\n";
        assertThatThrownBy(() -> RatingScheme.parse(text)).hasMessageContaining("level 6").hasMessageContaining("1 to 5");
        String zero = scheme("{ min-quality-index: 65 }") + "  0: { min-quality-index: 5 }\n";
        assertThatThrownBy(() -> RatingScheme.parse(zero)).hasMessageContaining("level 0");
    }

    @Test
    void aHigherLevelsMinimumMustNotBeLower() {
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-quality-index: 65, min-csat-mean: 3.4 }")))
                .isInstanceOf(RatingSchemeException.class)
                .hasMessageContaining("level 3, min-csat-mean: 3.4 is lower than 3.5 at level 2");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-quality-index: 50 }")))
                .hasMessageContaining("level 3, min-quality-index: 50 is lower than 55 at level 2");
        // level 4 is compared with level 3, not with level 2
        String text = scheme("{ min-quality-index: 80 }");
        assertThatThrownBy(() -> RatingScheme.parse(text))
                .hasMessageContaining("level 4, min-quality-index: 75 is lower than 80 at level 3");
    }

    @Test
    void aHigherLevelsMaximumMustNotBeHigherEvenWithALevelInBetweenWithoutTheKey() {
        String text = """
                levels:
                  1: { min-quality-index: 40, max-complaint-rate-pct: 8 }
                  2: { min-quality-index: 55 }
                  3: { min-quality-index: 65, max-complaint-rate-pct: 9 }
                  4: { min-quality-index: 75 }
                  5: { min-quality-index: 85 }
                """;
        assertThatThrownBy(() -> RatingScheme.parse(text))
                .hasMessageContaining("level 3, max-complaint-rate-pct: 9 is higher than 8 at level 1");
    }

    @Test
    void equalValuesAtConsecutiveLevelsAreInOrder() {
        RatingScheme s = RatingScheme.parse(scheme("{ min-quality-index: 55, min-csat-mean: 3.5 }"));
        assertThat(s.level(3).thresholds().get(Threshold.MIN_CSAT_MEAN)).isEqualByComparingTo("3.5");
    }

    @Test
    void unknownKeysNonNumbersAndOutOfRangeValuesAreRejected() {
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-csat: 4 }")))
                .hasMessageContaining("level 3: unknown key 'min-csat'");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-nps: high }")))
                .hasMessageContaining("level 3, min-nps: expected a number, got 'high'");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-csat-mean: 38 }")))
                .hasMessageContaining("level 3, min-csat-mean: 38 is out of range");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-nps: -101 }")))
                .hasMessageContaining("level 3, min-nps: -101 is out of range");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ all-kpis-met: 3 }")))
                .hasMessageContaining("level 3, all-kpis-met: expected true or false");
    }

    @Test
    void topLevelProblemsAreRejected() {
        assertThatThrownBy(() -> RatingScheme.parse("levels: [")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> RatingScheme.parse("- 1\n- 2\n")).hasMessageContaining("expected a mapping");
        assertThatThrownBy(() -> RatingScheme.parse("minimum-feedback: 30\n")).hasMessageContaining("'levels' is required");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-quality-index: 65 }") + "colour: blue\n"))
                .hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-quality-index: 65 }").replace("minimum-feedback: 20", "minimum-feedback: -1")))
                .hasMessageContaining("minimum-feedback must be >= 0");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-quality-index: 65 }").replace("minimum-feedback: 20", "minimum-feedback: many")))
                .hasMessageContaining("minimum-feedback: expected a whole number");
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{ min-quality-index: 65, min-quality-index: 66 }")))
                .hasMessageContaining("duplicate key");
    }

    @Test
    void theSourceNameStartsEveryMessage() {
        assertThatThrownBy(() -> RatingScheme.parse(scheme("{}"), "quality.rating-scheme (jobs/star-rating.yml)"))
                .hasMessageStartingWith("quality.rating-scheme (jobs/star-rating.yml): level 3");
    }
}
