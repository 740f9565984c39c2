package com.qualityreview.review.job;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.metrics.AuditResult;
import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.Dimension;
import com.qualityreview.review.metrics.FeedbackFact;
import com.qualityreview.review.FeedbackStatsTest;
import com.qualityreview.review.KpiAggregation;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.KpiDirection;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.review.metrics.ScopeFigures;
import com.qualityreview.review.ScopeStats;
import com.qualityreview.review.rating.MandatoryCriterionStatus;
import com.qualityreview.review.rating.MandatoryStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * <pre>
 * Site S1 (region R1): FeedbackStatsTest's site A; audit items CLEAN PASS, SAFE FAIL; WAIT 8 and 12,
 *                      TURNOVER 3 then 5 (LAST 5).
 * Site S2 (region R1): FeedbackStatsTest's site B; SAFE PASS twice; WAIT 20, SALES 60, TURNOVER 1.
 * R1 from the sums: csat (5+4+2+1+5+5)/6 = 3.666..., WAIT (8+12+20)/3, SALES 60, TURNOVER (5+1)/2 = 3,
 *    audit score (2+3+3)/(2+3+3+3) = 8/11, SAFE FAILED.
 * </pre>
 */
class RegionSumsTest {

    static final Criterion CLEAN = new Criterion("CLEAN", "Clean", Dimension.TANGIBLES, 2, 0);
    static final Criterion SAFE = new Criterion("SAFE", "Safe", Dimension.ASSURANCE, 3, 3);
    static final List<Criterion> CRITERIA = List.of(CLEAN, SAFE);
    static final KpiDefinition WAIT = new KpiDefinition("WAIT", "Wait", "min", KpiDirection.LOWER_BETTER, BigDecimal.TEN, KpiAggregation.MEAN);
    static final KpiDefinition SALES = new KpiDefinition("SALES", "Sales", "CNY", KpiDirection.HIGHER_BETTER, BigDecimal.valueOf(100),
            KpiAggregation.SUM);
    static final KpiDefinition TURNOVER = new KpiDefinition("TURNOVER", "Turnover", "%", KpiDirection.LOWER_BETTER, BigDecimal.valueOf(4),
            KpiAggregation.LAST);
    static final List<KpiDefinition> KPIS = List.of(SALES, TURNOVER, WAIT);
    static final Map<String, KpiDefinition> KPIS_BY_CODE = Map.of("WAIT", WAIT, "SALES", SALES, "TURNOVER", TURNOVER);
    static final ReviewRun KEY = new ReviewRun(Period.parse("2026-10"), 2, ZoneOffset.UTC);

    static ScopeStats s1() {
        ScopeStats s = new ScopeStats();
        FeedbackStatsTest.SITE_A.forEach(s.feedback()::add);
        s.audits().add(CLEAN, AuditResult.PASS, 1).add(SAFE, AuditResult.FAIL, 1);
        s.kpi(WAIT).add(LocalDate.of(2026, 10, 1), BigDecimal.valueOf(8)).add(LocalDate.of(2026, 10, 15), BigDecimal.valueOf(12));
        s.kpi(TURNOVER).add(LocalDate.of(2026, 10, 1), BigDecimal.valueOf(3)).add(LocalDate.of(2026, 10, 31), BigDecimal.valueOf(5));
        return s;
    }

    static ScopeStats s2() {
        ScopeStats s = new ScopeStats();
        FeedbackStatsTest.SITE_B.forEach(s.feedback()::add);
        s.audits().add(SAFE, AuditResult.PASS, 2);
        s.kpi(WAIT).add(LocalDate.of(2026, 10, 2), BigDecimal.valueOf(20));
        s.kpi(SALES).add(LocalDate.of(2026, 10, 2), BigDecimal.valueOf(60));
        s.kpi(TURNOVER).add(LocalDate.of(2026, 10, 2), BigDecimal.ONE);
        return s;
    }

    static RegionSums r1() {
        RegionSums sums = new RegionSums();
        sums.add("R1", s1(), new ScopeStats());
        sums.add("R1", s2(), s1());
        return sums;
    }

    static ScopeFigures figures(ScopeStats stats) {
        return stats.figures(KPIS, CRITERIA, QualityIndexWeights.DEFAULT, 0);
    }

    @Test
    void savedSumsReadBackAsTheSameFiguresAsTheMergedStatistics() {
        RegionSums merged = r1();
        ExecutionContext context = new ExecutionContext();
        merged.saveTo(context);

        RegionSums read = RegionSums.from(context, KEY, KPIS_BY_CODE);

        assertThat(read.current()).containsOnlyKeys("R1");
        ScopeFigures r1 = figures(read.current().get("R1"));
        assertThat(r1).isEqualTo(figures(merged.current().get("R1")));
        assertThat(figures(read.previous("R1"))).isEqualTo(figures(merged.previous("R1")));
        assertThat(read.current().get("R1").feedback().complaintPareto()).isEqualTo(merged.current().get("R1").feedback().complaintPareto());
        // The hand-worked values, so that equal figures are not equally wrong.
        assertThat(r1.csatMean()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3.666666666666667"));
        assertThat(r1.auditScorePct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("72.72727272727273"));
        assertThat(r1.kpis()).extracting(k -> k.value().map(BigDecimal::stripTrailingZeros).map(BigDecimal::toPlainString).orElse(""))
                .containsExactly("60", "3", "13.33333333333333");
        assertThat(r1.mandatoryStatuses()).extracting(MandatoryCriterionStatus::status).containsExactly(MandatoryStatus.FAILED);
        assertThat(read.current().get("R1").feedback().resolutionHoursSum()).isEqualByComparingTo("24");
    }

    /** The saved sums of a context, as plain maps: equal sums save equal maps. */
    static Map<String, Object> saved(RegionSums sums) {
        ExecutionContext context = new ExecutionContext();
        sums.saveTo(context);
        return Map.of("current", context.get(RegionSums.CURRENT_KEY), "previous", context.get(RegionSums.PREVIOUS_KEY));
    }

    @Test
    void thePartitionsSumsMergedInEitherOrderAreThoseOfOnePassOverTheirSites() {
        // One pass: r1() adds S1 then S2. Partition p0 holds S1, p1 holds S2 and a site of R2 (S1's statistics again).
        RegionSums p0 = new RegionSums();
        p0.add("R1", s1(), new ScopeStats());
        RegionSums p1 = new RegionSums();
        p1.add("R1", s2(), s1());
        p1.add("R2", s1(), s2());
        RegionSums onePass = r1();
        onePass.add("R2", s1(), s2());

        RegionSums forwards = new RegionSums();
        forwards.merge(p0);
        forwards.merge(p1);
        RegionSums backwards = new RegionSums();
        backwards.merge(p1);
        backwards.merge(p0);

        assertThat(saved(forwards)).isEqualTo(saved(onePass));
        assertThat(saved(backwards)).isEqualTo(saved(onePass));
        assertThat(forwards.current()).containsOnlyKeys("R1", "R2");
        // R1's CSAT from the merged sums, as worked out above: (5+4+2+1+5+5)/6.
        assertThat(figures(forwards.current().get("R1")).csatMean()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3.666666666666667"));
    }

    @Test
    void theContextHoldsOnlyPlainJdkValuesAndTheVersion() {
        ExecutionContext context = new ExecutionContext();
        r1().saveTo(context);

        assertThat(context.getInt(ReviewContext.VERSION_KEY)).isEqualTo(ReviewContext.VERSION);
        context.entrySet().forEach(entry -> assertPlain(entry.getValue()));
    }

    private static void assertPlain(Object value) {
        assertThat(value.getClass().getName()).startsWith("java.");
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertPlain(k);
                assertPlain(v);
            });
        }
        else if (value instanceof Collection<?> values) {
            values.forEach(RegionSumsTest::assertPlain);
        }
    }

    @Test
    void theSavedSumsDoNotGrowWithTheRowsAuditsOrResolutionValues() throws IOException {
        RegionSums few = new RegionSums();
        few.add("R1", sites(10), new ScopeStats());
        RegionSums many = new RegionSums();
        many.add("R1", sites(100_000), new ScopeStats());

        // Only the digits of the counts and sums differ: 100,000 audit ids and resolution values would take megabytes.
        assertThat(serialisedSize(many) - serialisedSize(few)).isLessThan(100);
    }

    /** {@code n} feedback rows with resolution hours and {@code n} audits, added with their ids. */
    private static ScopeStats sites(int n) {
        ScopeStats s = new ScopeStats();
        for (int i = 0; i < n; i++) {
            s.feedback().add(new FeedbackFact(1 + i % 5, i % 11, null, null, null, null, null, false, null, null,
                    BigDecimal.valueOf(i % 1000, 2)));
            s.audits().add("AUDIT-" + i, CLEAN, AuditResult.PASS);
        }
        assertThat(s.audits().auditCount()).isEqualTo(n);
        return s;
    }

    private static int serialisedSize(RegionSums sums) throws IOException {
        ExecutionContext context = new ExecutionContext();
        sums.saveTo(context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DefaultExecutionContextSerializer().serialize(context.toMap(), out);
        return out.size();
    }

    @Test
    void aVersion1ContextStillLoadsAndIsConvertedToTheSameRegionFigures() throws IOException {
        // ReviewJobTests' organisation, reviewed by the release before version 2: R1 = sites A and B, R2 = C.
        ExecutionContext legacy = deserialise(LegacyContexts.COMPLETED_JOB);
        assertThat(ReviewContext.version(legacy, KEY)).isEqualTo(1);
        KpiDefinition wait = new KpiDefinition("WAIT", "Wait", "min", KpiDirection.LOWER_BETTER, BigDecimal.TEN, KpiAggregation.MEAN);
        KpiDefinition sales = new KpiDefinition("SALES", "Sales", "CNY", KpiDirection.HIGHER_BETTER, BigDecimal.valueOf(100),
                KpiAggregation.SUM);

        RegionSums sums = RegionSums.from(legacy, KEY, Map.of("WAIT", wait, "SALES", sales));

        assertThat(sums.current()).containsOnlyKeys("R1", "R2");
        ScopeFigures r1 = sums.current().get("R1").figures(List.of(sales, wait), CRITERIA, QualityIndexWeights.DEFAULT, 1);
        assertThat(r1.feedbackCount()).isEqualTo(5);
        assertThat(r1.csatMean()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
        assertThat(r1.nps()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("25"));
        assertThat(r1.auditScorePct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("40"));
        assertThat(r1.kpiMetPct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("50"));
        assertThat(r1.qualityIndex()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("48.875"));
        assertThat(sums.previous("R1").feedback().feedbackCount()).isEqualTo(1);
        // Saved again, it is version 2: the Java-serialised object is gone.
        sums.saveTo(legacy);
        assertThat(legacy.containsKey(ReviewContext.V1_ROLL_UP)).isFalse();
        assertThat(ReviewContext.version(legacy, KEY)).isEqualTo(2);
    }

    @Test
    void aContextOfAnUnknownVersionIsRefusedSayingWhatToDo() {
        ExecutionContext context = new ExecutionContext();
        r1().saveTo(context);
        context.putInt(ReviewContext.VERSION_KEY, 3);

        assertThatThrownBy(() -> RegionSums.from(context, KEY, KPIS_BY_CODE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the review of 2026-10 revision 2 was saved in the format of version 3, which this release cannot read"
                        + " (it reads versions 1 to 2): restart it with the release that started it, or review the revision again"
                        + " from the start with 'review 2026-10 --revision=2'");
    }

    @Test
    void aContextWithNothingSavedYetHasNoRegions() {
        assertThat(RegionSums.from(new ExecutionContext(), KEY, KPIS_BY_CODE).current()).isEmpty();
    }

    static ExecutionContext deserialise(String base64) throws IOException {
        return new ExecutionContext(new DefaultExecutionContextSerializer()
                .deserialize(new ByteArrayInputStream(base64.getBytes(StandardCharsets.ISO_8859_1))));
    }
}
