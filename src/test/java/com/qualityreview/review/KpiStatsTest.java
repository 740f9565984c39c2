package com.qualityreview.review;

import com.qualityreview.review.KpiAggregation;
import com.qualityreview.review.KpiDirection;
import com.qualityreview.review.metrics.KpiResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * <pre>
 * Site A rows (added out of date order): 15 Oct 20, 31 Oct 6, 1 Oct 10
 *   MEAN 36/3 = 12, SUM 36, MIN 6, MAX 20, LAST 6 (31 Oct is the latest date, not the last added)
 * Site B rows: 5 Oct 30, 2 Oct 2
 *   MEAN 32/2 = 16, SUM 32, MIN 2, MAX 30, LAST 30
 * Site C: no rows -> no data for every aggregation
 * Region A+B+C: MEAN 68/5 = 13.6 (mean of site means would be 14), SUM 68, MIN 2, MAX 30,
 *   LAST mean of the sites' LAST values (6 + 30) / 2 = 18 (C has none and is left out)
 * </pre>
 */
class KpiStatsTest {

    static KpiDefinition kpi(KpiAggregation aggregation) {
        return new KpiDefinition("K_" + aggregation, "test " + aggregation, "min", KpiDirection.HIGHER_BETTER,
                BigDecimal.TEN, aggregation);
    }

    static KpiStats siteA(KpiDefinition d) {
        return new KpiStats(d)
                .add(LocalDate.of(2026, 10, 15), new BigDecimal("20"))
                .add(LocalDate.of(2026, 10, 31), new BigDecimal("6"))
                .add(LocalDate.of(2026, 10, 1), new BigDecimal("10"));
    }

    static KpiStats siteB(KpiDefinition d) {
        return new KpiStats(d)
                .add(LocalDate.of(2026, 10, 5), new BigDecimal("30"))
                .add(LocalDate.of(2026, 10, 2), new BigDecimal("2"));
    }

    @ParameterizedTest(name = "{0}: A={1} B={2} region={3}")
    @CsvSource({
            "MEAN, 12, 16, 13.6",
            "SUM,  36, 32, 68",
            "MIN,   6,  2, 2",
            "MAX,  20, 30, 30",
            "LAST,  6, 30, 18"})
    void eachAggregationForSitesAndRegion(KpiAggregation aggregation, String a, String b, String region) {
        KpiDefinition d = kpi(aggregation);
        KpiStats sa = siteA(d);
        KpiStats sb = siteB(d);
        KpiStats sc = new KpiStats(d);
        KpiStats r = new KpiStats(d).merge(sa).merge(sb).merge(sc);
        assertThat(sa.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(a));
        assertThat(sb.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(b));
        assertThat(sc.value()).isEmpty();
        assertThat(r.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(region));
    }

    @Test
    void regionMeanIsNotTheMeanOfSiteMeans() {
        KpiDefinition d = kpi(KpiAggregation.MEAN);
        KpiStats region = new KpiStats(d).merge(siteA(d)).merge(siteB(d));
        assertThat(region.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("13.6"));
        assertThat(region.value().orElseThrow()).isNotEqualByComparingTo("14");
    }

    @Test
    void organisationLastIsTheMeanOverAllSitesEvenWhenMergedThroughRegions() {
        // org = region(A, B) + region(D): sites' LAST 6, 30, 3 -> 39 / 3 = 13 (not the mean of region values (18 + 3) / 2)
        KpiDefinition d = kpi(KpiAggregation.LAST);
        KpiStats region1 = new KpiStats(d).merge(siteA(d)).merge(siteB(d));
        KpiStats region2 = new KpiStats(d).merge(new KpiStats(d).add(LocalDate.of(2026, 10, 9), new BigDecimal("3")));
        KpiStats org = new KpiStats(d).merge(region1).merge(region2);
        assertThat(org.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("13"));
    }

    @Test
    void aRollUpRefusesRows() {
        KpiDefinition d = kpi(KpiAggregation.SUM);
        KpiStats region = new KpiStats(d).merge(siteA(d));
        assertThatThrownBy(() -> region.add(LocalDate.of(2026, 10, 1), BigDecimal.ONE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> region.merge(new KpiStats(kpi(KpiAggregation.MAX)))).isInstanceOf(IllegalArgumentException.class);
    }

    private static KpiDefinition target(KpiDirection direction, String target) {
        return new KpiDefinition("K", "k", "%", direction, new BigDecimal(target), KpiAggregation.MEAN);
    }

    @ParameterizedTest(name = "{0} target {1}: value {2} met={3}")
    @CsvSource({
            "HIGHER_BETTER, 12, 12,    true",
            "HIGHER_BETTER, 12, 11.99, false",
            "HIGHER_BETTER, 12, 50,    true",
            "LOWER_BETTER,  12, 12,    true",
            "LOWER_BETTER,  12, 12.01, false",
            "LOWER_BETTER,  12, 0,     true"})
    void kpiMetInBothDirectionsAndExactlyAtTarget(KpiDirection direction, String target, String value, boolean met) {
        KpiResult r = new KpiResult(target(direction, target), Optional.of(new BigDecimal(value)));
        assertThat(r.met()).isEqualTo(met);
    }

    @ParameterizedTest(name = "{0} target {1}: value {2} missed by more than 20% = {3}")
    @CsvSource({
            // HIGHER_BETTER 50: miss beyond 20 % below 50 - 10 = 40
            "HIGHER_BETTER, 50, 40,     false",
            "HIGHER_BETTER, 50, 39.99,  true",
            "HIGHER_BETTER, 50, 45,     false",
            // LOWER_BETTER 50: beyond 50 + 10 = 60
            "LOWER_BETTER,  50, 60,     false",
            "LOWER_BETTER,  50, 60.01,  true",
            // negative target -10, |target| = 10: HIGHER beyond -12, LOWER beyond -8
            "HIGHER_BETTER, -10, -12,   false",
            "HIGHER_BETTER, -10, -12.5, true",
            "LOWER_BETTER,  -10, -7.9,  true",
            // target 0: any miss is more than 20 %
            "LOWER_BETTER,  0,   0.01,  true",
            "LOWER_BETTER,  0,   0,     false"})
    void kpiMissBeyondTwentyPercentOfTheTarget(KpiDirection direction, String target, String value, boolean missed) {
        KpiResult r = new KpiResult(target(direction, target), Optional.of(new BigDecimal(value)));
        assertThat(r.missedBeyondTolerance()).isEqualTo(missed);
    }

    @Test
    void noValueIsNeitherMetNorMissed() {
        KpiResult r = new KpiResult(target(KpiDirection.HIGHER_BETTER, "50"), Optional.empty());
        assertThat(r.hasValue()).isFalse();
        assertThat(r.met()).isFalse();
        assertThat(r.missedBeyondTolerance()).isFalse();
    }
}
