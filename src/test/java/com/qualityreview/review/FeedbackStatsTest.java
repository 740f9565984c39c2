package com.qualityreview.review;

import com.qualityreview.review.metrics.Dimension;
import com.qualityreview.review.metrics.FeedbackFact;
import com.qualityreview.review.metrics.KeyDrivers;
import com.qualityreview.review.metrics.PairSums;
import com.qualityreview.review.metrics.ParetoEntry;
import com.qualityreview.review.metrics.Sums;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.assertj.core.groups.Tuple;

/**
 * Hand-worked dataset (nulls in every optional column).
 *
 * <pre>
 * Site A   csat nps  rel resp ass emp tan complaint category fcr   hours
 *  a1       5   10    5   4    -   5   4   no        -        true  2
 *  a2       4    9    4   -    4   4   -   yes       BILLING  false 6
 *  a3       -    7    -   3    5   -   3   yes       WAIT     -     -
 *  a4       2    -    3   2    -   3   5   yes       BILLING  true  10
 *  a5       1    3    -   -    -   -   -   no        -        -     4
 * A: count 5; csat 5,4,2,1 -> mean 12/4 = 3, satisfied 2/4 = 50 %, distribution 1,1,0,1,1
 *    nps 10,9,7,3 -> promoters 2, detractors 1, 100*(2-1)/4 = 25
 *    reliability 5,4,3 = 4; responsiveness 4,3,2 = 3; assurance 4,5 = 4.5; empathy 5,4,3 = 4; tangibles 4,3,5 = 4
 *    complaints 3 -> 60 %; Pareto BILLING 2 (66.67 %, cum 66.67), WAIT 1 (cum 100, first to reach 80: vital)
 *    fcr true,false,true -> 2/3 = 66.66666666666667 %; hours 2,6,10,4 -> mean 22/4 = 5.5, median (4+6)/2 = 5
 *
 * Site B
 *  b1       5    0    1   -    -   -   -   yes       WAIT     false 1.5
 *  b2       5   10    -   -    -   -   -   no        -        -     0.5
 *  b3       -    -    -   -    -   -   -   yes       STAFF    -     -
 * B: count 3; csat mean 5; satisfied 100 %; nps: 1 promoter, 1 detractor -> 0 (a real zero);
 *    reliability 1, other SERVQUAL no data; complaints 2 -> 66.67 %; fcr 0/1 = 0 %; hours mean 1, median 1
 *
 * Region = A + B: count 8; csat sum 22 / 6 = 3.666666666666667 (mean of the site means would be (3+5)/2 = 4);
 *    satisfied 4/6 = 66.66666666666667 %; distribution 1,1,0,1,3; nps 100*(3-2)/6 = 16.66666666666667;
 *    reliability (12+1)/4 = 3.25; responsiveness 3 (A only); complaints 5/8 = 62.5 %;
 *    Pareto BILLING 2, WAIT 2 (tie: code order), STAFF 1 -> cum 40, 80, 100; WAIT reaches exactly 80: vital few = BILLING, WAIT;
 *    fcr 2/4 = 50 %; hours sum 24 / 6 = 4, median of 0.5,1.5,2,4,6,10 = (2+4)/2 = 3
 * </pre>
 */
public class FeedbackStatsTest {

    static FeedbackFact fb(Integer csat, Integer nps, Integer rel, Integer resp, Integer ass, Integer emp, Integer tan,
                           boolean complaint, String category, Boolean fcr, String hours) {
        return new FeedbackFact(csat, nps, rel, resp, ass, emp, tan, complaint, category, fcr,
                hours == null ? null : new BigDecimal(hours));
    }

    public static final List<FeedbackFact> SITE_A = List.of(
            fb(5, 10, 5, 4, null, 5, 4, false, null, true, "2"),
            fb(4, 9, 4, null, 4, 4, null, true, "BILLING", false, "6"),
            fb(null, 7, null, 3, 5, null, 3, true, "WAIT", null, null),
            fb(2, null, 3, 2, null, 3, 5, true, "BILLING", true, "10"),
            fb(1, 3, null, null, null, null, null, false, null, null, "4"));

    public static final List<FeedbackFact> SITE_B = List.of(
            fb(5, 0, 1, null, null, null, null, true, "WAIT", false, "1.5"),
            fb(5, 10, null, null, null, null, null, false, null, null, "0.5"),
            fb(null, null, null, null, null, null, null, true, "STAFF", null, null));

    public static FeedbackStats stats(List<FeedbackFact> facts) {
        FeedbackStats s = new FeedbackStats();
        facts.forEach(s::add);
        return s;
    }

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void siteAFiguresMatchTheHandWorkedValues() {
        FeedbackStats a = stats(SITE_A);
        assertThat(a.feedbackCount()).isEqualTo(5);
        assertThat(a.csatMean()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
        assertThat(a.csatSatisfiedPct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("50"));
        assertThat(a.csatDistribution()).containsExactly(
                Map.entry(1, 1L), Map.entry(2, 1L), Map.entry(3, 0L), Map.entry(4, 1L), Map.entry(5, 1L));
        assertThat(a.nps()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("25"));
        assertThat(a.servqualMean(Dimension.RELIABILITY)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4"));
        assertThat(a.servqualMean(Dimension.RESPONSIVENESS)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
        assertThat(a.servqualMean(Dimension.ASSURANCE)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4.5"));
        assertThat(a.servqualMean(Dimension.EMPATHY)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4"));
        assertThat(a.servqualMean(Dimension.TANGIBLES)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4"));
        assertThat(a.complaintCount()).isEqualTo(3);
        assertThat(a.complaintRatePct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("60"));
        assertThat(a.fcrPct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("66.66666666666667"));
        assertThat(a.resolutionHoursCount()).isEqualTo(4);
        assertThat(a.resolutionHoursMean()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5.5"));
        assertThat(a.complaintPareto()).containsExactly(
                new ParetoEntry("BILLING", 2, bd("66.66666666666667"), bd("66.66666666666667"), true),
                new ParetoEntry("WAIT", 1, bd("33.33333333333333"), bd("100"), true));
    }

    @Test
    void siteBHasARealZeroNpsAndNoDataForUnansweredDimensions() {
        FeedbackStats b = stats(SITE_B);
        assertThat(b.feedbackCount()).isEqualTo(3);
        assertThat(b.csatMean()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5"));
        assertThat(b.csatSatisfiedPct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(b.nps()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
        assertThat(b.servqualMean(Dimension.RELIABILITY)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1"));
        assertThat(b.servqualMean(Dimension.RESPONSIVENESS)).isEmpty();
        assertThat(b.servqualMeans().get(Dimension.TANGIBLES)).isEmpty();
        assertThat(b.complaintRatePct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("66.66666666666667"));
        assertThat(b.fcrPct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
        assertThat(b.resolutionHoursMean()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1"));
    }

    @Test
    void regionFiguresComeFromTheRowsNotFromSiteAverages() {
        FeedbackStats a = stats(SITE_A);
        FeedbackStats b = stats(SITE_B);
        FeedbackStats region = new FeedbackStats().merge(a).merge(b);

        // the region's csat_mean (22/6) differs from the mean of the site means ((3 + 5) / 2 = 4)
        assertThat(region.csatMean()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3.666666666666667"));
        BigDecimal meanOfSiteMeans = a.csatMean().orElseThrow().add(b.csatMean().orElseThrow())
                .divide(BigDecimal.valueOf(2));
        assertThat(meanOfSiteMeans).isEqualByComparingTo("4");
        assertThat(region.csatMean().orElseThrow()).isNotEqualByComparingTo(meanOfSiteMeans);

        assertThat(region.feedbackCount()).isEqualTo(8);
        assertThat(region.csatSatisfiedPct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("66.66666666666667"));
        assertThat(region.csatDistribution().values()).containsExactly(1L, 1L, 0L, 1L, 3L);
        assertThat(region.nps()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("16.66666666666667"));
        assertThat(region.servqualMean(Dimension.RELIABILITY)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3.25"));
        assertThat(region.servqualMean(Dimension.RESPONSIVENESS)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
        assertThat(region.complaintCount()).isEqualTo(5);
        assertThat(region.complaintRatePct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("62.5"));
        assertThat(region.fcrPct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("50"));
        assertThat(region.resolutionHoursMean()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4"));
        // merging left the sites untouched
        assertThat(a.feedbackCount()).isEqualTo(5);
        assertThat(b.complaintCount()).isEqualTo(2);
    }

    @Test
    void paretoTiesAreOrderedByCodeAndTheFirstCategoryReachingExactly80PercentIsVital() {
        FeedbackStats region = new FeedbackStats().merge(stats(SITE_A)).merge(stats(SITE_B));
        assertThat(region.complaintPareto()).containsExactly(
                new ParetoEntry("BILLING", 2, bd("40"), bd("40"), true),
                new ParetoEntry("WAIT", 2, bd("40"), bd("80"), true),
                new ParetoEntry("STAFF", 1, bd("20"), bd("100"), false));
    }

    @Test
    void paretoVitalFewStopsAtTheFirstCategoryPast80() {
        // X 5, Y 3, Z 1, W 1 of 10: cum 50, 80 -> Y reaches 80; Z and W are not vital.
        // Second set: P 7, Q 2, R 1 of 10: cum 70, 90 -> Q is the first to reach 80.
        FeedbackStats s = new FeedbackStats();
        for (int i = 0; i < 5; i++) s.add(fb(null, null, null, null, null, null, null, true, "X", null, null));
        for (int i = 0; i < 3; i++) s.add(fb(null, null, null, null, null, null, null, true, "Y", null, null));
        s.add(fb(null, null, null, null, null, null, null, true, "Z", null, null));
        s.add(fb(null, null, null, null, null, null, null, true, "W", null, null));
        assertThat(s.complaintPareto()).extracting(ParetoEntry::category, ParetoEntry::vitalFew)
                .containsExactly(
                        Tuple.tuple("X", true),
                        Tuple.tuple("Y", true),
                        Tuple.tuple("W", false), // tie with Z at 1: W before Z
                        Tuple.tuple("Z", false));

        FeedbackStats t = new FeedbackStats();
        for (int i = 0; i < 7; i++) t.add(fb(null, null, null, null, null, null, null, true, "P", null, null));
        for (int i = 0; i < 2; i++) t.add(fb(null, null, null, null, null, null, null, true, "Q", null, null));
        t.add(fb(null, null, null, null, null, null, null, true, "R", null, null));
        assertThat(t.complaintPareto()).extracting(ParetoEntry::vitalFew).containsExactly(true, true, false);
        assertThat(t.complaintPareto().get(1).cumulativePct()).isEqualByComparingTo("90");
    }

    @Test
    void aComplaintWithoutCategoryIsCountedAsUncategorised() {
        FeedbackStats s = new FeedbackStats().add(fb(null, null, null, null, null, null, null, true, null, null, null));
        assertThat(s.complaintPareto()).extracting(ParetoEntry::category).containsExactly(FeedbackStats.NO_CATEGORY);
    }

    @Test
    void noRowsMeansNoDataNeverZero() {
        FeedbackStats empty = new FeedbackStats();
        assertThat(empty.feedbackCount()).isZero();
        assertThat(empty.csatMean()).isEmpty();
        assertThat(empty.csatSatisfiedPct()).isEmpty();
        assertThat(empty.nps()).isEmpty();
        assertThat(empty.servqualMean(Dimension.EMPATHY)).isEmpty();
        assertThat(empty.complaintCount()).isZero();
        assertThat(empty.complaintRatePct()).isEmpty();
        assertThat(empty.complaintPareto()).isEmpty();
        assertThat(empty.fcrPct()).isEmpty();
        assertThat(empty.resolutionHoursMean()).isEmpty();
        assertThat(empty.csatDistribution().values()).containsExactly(0L, 0L, 0L, 0L, 0L);
    }

    @Test
    void rowsWithOnlyNullsCountAsFeedbackButNotInMeans() {
        FeedbackStats s = stats(List.of(fb(null, null, null, null, null, null, null, false, null, null, null)));
        assertThat(s.feedbackCount()).isEqualTo(1);
        assertThat(s.complaintRatePct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
        assertThat(s.csatMean()).isEqualTo(Optional.empty());
    }

    @Test
    void npsIsMinus100WhenEveryoneIsADetractor() {
        FeedbackStats s = stats(List.of(fb(null, 6, null, null, null, null, null, false, null, null, null),
                fb(null, 0, null, null, null, null, null, false, null, null, null)));
        assertThat(s.nps()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-100"));
    }

    @Test
    void factsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> fb(6, null, null, null, null, null, null, false, null, null, null))
                .hasMessageContaining("csat");
        assertThatThrownBy(() -> fb(null, 11, null, null, null, null, null, false, null, null, null))
                .hasMessageContaining("nps");
        assertThatThrownBy(() -> fb(null, null, null, null, null, null, 0, false, null, null, null))
                .hasMessageContaining("tangibles");
        assertThatThrownBy(() -> fb(null, null, null, null, null, null, null, false, null, null, "-1"))
                .hasMessageContaining("resolution_hours");
    }

    /**
     * The six rows of KeyDriversTest, and a seventh with tangibles 5 but no csat: it counts in the
     * tangibles mean (27 + 5)/7 = 4.571429 but not in the pairs (n 6, reliability Σx 17, Σy 19,
     * Σx² 59, Σy² 71, Σxy 64; r = 61/65 = 0.938461538).
     */
    static final List<FeedbackFact> DRIVER_ROWS = List.of(
            fb(5, null, 5, 3, 5, 3, 5, false, null, null, null),
            fb(4, null, 4, 2, 5, 4, 4, false, null, null, null),
            fb(2, null, 2, 2, 4, 3, 5, false, null, null, null),
            fb(3, null, 2, 4, 3, 2, 4, false, null, null, null),
            fb(1, null, 1, 3, 4, 2, 5, false, null, null, null),
            fb(4, null, 3, 2, 5, 4, 4, false, null, null, null),
            fb(null, null, null, null, null, null, 5, false, null, null, null));

    @Test
    void keyDriversPairEachDimensionWithCsatAndTakeTheMeanOfAllItsRows() {
        FeedbackStats s = stats(DRIVER_ROWS);

        assertThat(s.withCsat().get(Dimension.RELIABILITY)).isEqualTo(PairSums.of(6, 17, 19, 59, 71, 64));
        assertThat(s.withCsat().get(Dimension.TANGIBLES).n()).isEqualTo(6);
        KeyDrivers.Driver first = s.keyDrivers(6).get(0);
        assertThat(first.dimension()).isEqualTo(Dimension.RELIABILITY);
        assertThat(first.r().getAsDouble()).isCloseTo(0.938461538, offset(1e-6));
        assertThat(s.keyDrivers(6)).filteredOn(d -> d.dimension() == Dimension.TANGIBLES).singleElement()
                .satisfies(d -> assertThat(d.mean().orElseThrow().doubleValue()).isCloseTo(4.571429, offset(1e-6)));
    }

    @Test
    void keyDriverSumsSurviveWriteSumsAndReadSums() {
        FeedbackStats s = stats(DRIVER_ROWS);
        Sums sums = new Sums();
        s.writeSums(sums);

        FeedbackStats read = FeedbackStats.readSums(Sums.of(sums.toMap()));

        assertThat(read.withCsat()).isEqualTo(s.withCsat());
        assertThat(read.keyDrivers(6)).isEqualTo(s.keyDrivers(6));
    }

    @Test
    void sumsSavedBeforeKeyDriversReadAsNoPairs() {
        Sums saved = new Sums();
        stats(DRIVER_ROWS).writeSums(saved);
        HashMap<String, String> beforeKeyDrivers = saved.toMap();
        beforeKeyDrivers.keySet().removeIf(name -> name.contains("Csat"));

        FeedbackStats read = FeedbackStats.readSums(Sums.of(beforeKeyDrivers));

        assertThat(read.withCsat().values()).containsOnly(new PairSums());
        assertThat(read.servqualMean(Dimension.RELIABILITY)).isEqualTo(stats(DRIVER_ROWS).servqualMean(Dimension.RELIABILITY));
    }

    @Test
    void mergedHalvesHaveTheKeyDriverSumsOfAllRows() {
        FeedbackStats merged = stats(DRIVER_ROWS.subList(0, 3)).merge(stats(DRIVER_ROWS.subList(3, 7)));

        assertThat(merged.withCsat()).isEqualTo(stats(DRIVER_ROWS).withCsat());
    }
}
