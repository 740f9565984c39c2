package com.qualityreview.review.metrics;

import com.qualityreview.review.KpiAggregation;
import com.qualityreview.review.KpiDirection;
import com.qualityreview.review.FeedbackStats;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.AuditStatsTest;
import com.qualityreview.review.FeedbackStatsTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class QualityIndexTest {

    private static Optional<BigDecimal> v(String s) {
        return Optional.of(new BigDecimal(s));
    }

    private static KpiResult kpi(String value) {
        KpiDefinition d = new KpiDefinition("K" + value, "k", "", KpiDirection.HIGHER_BETTER, BigDecimal.TEN, KpiAggregation.MEAN);
        return new KpiResult(d, value == null ? Optional.empty() : v(value));
    }

    // 3 of 4 KPIs with a value met (target 10: 10, 11, 12 met, 9 not); one without value ignored -> 75
    private static final List<KpiResult> KPIS = List.of(kpi("10"), kpi("11"), kpi("12"), kpi("9"),
            kpi(null));

    @Test
    void components() {
        // (4 - 1) / 4 * 100 = 75; (20 + 100) / 2 = 60
        assertThat(QualityIndex.csatComponent(v("4"))).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("75"));
        assertThat(QualityIndex.csatComponent(v("1"))).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("0"));
        assertThat(QualityIndex.csatComponent(v("5"))).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("100"));
        assertThat(QualityIndex.npsComponent(v("20"))).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("60"));
        assertThat(QualityIndex.npsComponent(v("-100"))).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("0"));
        assertThat(QualityIndex.kpiComponent(KPIS)).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("75"));
        assertThat(QualityIndex.kpiComponent(List.of(kpi(null)))).isEmpty();
    }

    @Test
    void allComponentsWithDefaultWeights() {
        // 0.35*75 + 0.15*60 + 0.30*80 + 0.20*75 = 26.25 + 9 + 24 + 15 = 74.25
        assertThat(QualityIndex.compute(v("4"), v("20"), v("80"), KPIS, QualityIndexWeights.DEFAULT))
                .hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("74.25"));
    }

    @Test
    void aMissingComponentIsLeftOutAndTheOtherWeightsRescaled() {
        // no audit: (26.25 + 9 + 15) / 0.70 = 50.25 / 0.7 = 71.78571428571429
        assertThat(QualityIndex.compute(v("4"), v("20"), Optional.empty(), KPIS, QualityIndexWeights.DEFAULT))
                .hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("71.78571428571429"));
        // only NPS: 60
        assertThat(QualityIndex.compute(Optional.empty(), v("20"), Optional.empty(), List.of(), QualityIndexWeights.DEFAULT))
                .hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("60"));
    }

    @Test
    void noComponentIsNoData() {
        assertThat(QualityIndex.compute(Optional.empty(), Optional.empty(), Optional.empty(), List.of(kpi(null)),
                QualityIndexWeights.DEFAULT)).isEmpty();
    }

    @Test
    void customWeights() {
        QualityIndexWeights csatOnly = new QualityIndexWeights(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(QualityIndex.compute(v("4"), v("20"), v("80"), KPIS, csatOnly))
                .hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("75"));
        // the only weighted component is missing: no data rather than a division by zero
        assertThat(QualityIndex.compute(Optional.empty(), v("20"), v("80"), KPIS, csatOnly)).isEmpty();
        // weights 1,1,1,1 -> plain mean (75 + 60 + 80 + 75) / 4 = 72.5
        QualityIndexWeights equal = new QualityIndexWeights(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
        assertThat(QualityIndex.compute(v("4"), v("20"), v("80"), KPIS, equal))
                .hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("72.5"));
    }

    @Test
    void invalidWeightsAreRejected() {
        assertThatThrownBy(() -> new QualityIndexWeights(new BigDecimal("-0.1"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
                .hasMessageContaining("csat");
        assertThatThrownBy(() -> new QualityIndexWeights(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))
                .hasMessageContaining("at least one");
    }

    @Test
    void scopeFiguresComputeTheIndexFromTheStats() {
        // site A of FeedbackStatsTest: csat mean 3 -> 50, nps 25 -> 62.5; audits of AuditStatsTest site A: 58.82352941176471;
        // no KPI -> (0.35*50 + 0.15*62.5 + 0.30*58.82352941176471) / 0.8
        //        = (17.5 + 9.375 + 17.647058823529413) / 0.8 = 44.522058823529413 / 0.8 = 55.65257352941177
        FeedbackStats f = FeedbackStatsTest.stats(FeedbackStatsTest.SITE_A);
        ScopeFigures s = ScopeFigures.of(f, AuditStatsTest.siteA(), List.of(), AuditStatsTest.CRITERIA, QualityIndexWeights.DEFAULT);
        assertThat(s.qualityIndex()).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("55.65257352941177"));
        assertThat(s.feedbackCount()).isEqualTo(5);
        assertThat(s.complaintCount()).isEqualTo(3);
        assertThat(s.auditCount()).isEqualTo(2);
        assertThat(s.mandatoryStatuses()).hasSize(3);
        assertThat(s.kpiMetPct()).isEmpty();
    }
}
