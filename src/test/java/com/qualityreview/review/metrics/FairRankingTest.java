package com.qualityreview.review.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.qualityreview.review.metrics.FairRanking.Basis;
import com.qualityreview.review.metrics.FairRanking.Ranked;
import com.qualityreview.review.metrics.FairRanking.Result;
import com.qualityreview.review.metrics.FairRanking.SiteAnswers;

import org.junit.jupiter.api.Test;

class FairRankingTest {

    private static final double TOLERANCE = 1e-6;

    /** counts of the scores 1..5. */
    private static SiteAnswers site(String code, String region, long... counts) {
        return SiteAnswers.ofCounts(code, region, counts);
    }

    /**
     * The worked example of docs/review.md (Fair ranking).
     *
     * <pre>
     * Region N: N1 answers 5,4,5,5,4,5,4,3  n 8  Σy 35  Σy² 157  mean 4.375
     *           N2 answers 3,5,2,4,1,3      n 6  Σy 18  Σy² 64   mean 3
     * Region S: S1 answers 2,4,1,3,2        n 5  Σy 12  Σy² 34   mean 2.4
     *           S2 answers 5,3,4,4,2,5,3,4  n 8  Σy 30  Σy² 120  mean 3.75
     *           S3 answers 5,4              n 2  Σy 9   Σy² 41   mean 4.5
     *           S4 no answer: listed last, no rank
     * m = 5, N = 29, R = 2
     * SSW = (157 − 35²/8) + (64 − 18²/6) + (34 − 12²/5) + (120 − 30²/8) + (41 − 9²/2)
     *     = 3.875 + 10 + 5.2 + 7.5 + 0.5 = 27.075;  σ²_w = 27.075 / (29 − 5) = 1.128125
     * region means from the rows: N = 53/14 = 3.7857142857, S = 51/15 = 3.4
     * SSB = 8(4.375 − 53/14)² + 6(3 − 53/14)² + 5(2.4 − 3.4)² + 8(3.75 − 3.4)² + 2(4.5 − 3.4)²
     *     = 2.7780612245 + 3.7040816327 + 5 + 0.98 + 2.42 = 14.8821428571 (= 4167/280)
     * MSB = 14.8821428571 / (5 − 2) = 4.9607142857
     * n₀ = (29 − (8² + 6²)/14 − (5² + 8² + 2²)/15) / 3 = (29 − 7.1428571429 − 6.2) / 3 = 5.2190476190
     * τ² = (4.9607142857 − 1.128125) / 5.2190476190 = 0.7343464872
     * k = 1.128125 / 0.7343464872 = 1.5362298583
     * w(n 8) = 8 / 9.5362298583 = 0.8389059533; w(6) = 0.7961540602; w(5) = 0.7649669777; w(2) = 0.5655740945
     * N1 3.7857142857 + 0.8389059533 × (4.375 − 3.7857142857) = 4.2800695796
     * N2 3.7857142857 + 0.7961540602 × (3 − 3.7857142857)     = 3.1601646670
     * S1 3.4 + 0.7649669777 × (2.4 − 3.4)  = 2.6350330223
     * S2 3.4 + 0.8389059533 × (3.75 − 3.4) = 3.6936170836
     * S3 3.4 + 0.5655740945 × (4.5 − 3.4)  = 4.0221315039
     * Ranks adjusted: N1, S3, S2, N2, S1; raw: S3 4.5, N1 4.375, S2, N2, S1 — S3's 2 answers no longer put it first.
     * </pre>
     */
    @Test
    void eachSiteIsShrunkTowardItsRegionMeanByTheWeightEstimatedFromThePeriod() {
        Result result = FairRanking.rank(List.of(site("N1", "N", 0, 0, 1, 3, 4), site("N2", "N", 1, 1, 2, 1, 1),
                site("S1", "S", 1, 2, 1, 1, 0), site("S2", "S", 0, 1, 2, 3, 2), site("S3", "S", 0, 0, 0, 1, 1),
                site("S4", "S", 0, 0, 0, 0, 0)));

        FairRanking.Estimate estimate = result.estimate();
        assertThat(estimate.basis()).isEqualTo(Basis.ESTIMATED);
        assertClose(estimate.withinVariance(), 1.128125);
        assertClose(estimate.betweenMeanSquare(), 4.9607142857);
        assertClose(estimate.n0(), 5.2190476190);
        assertClose(estimate.betweenVariance(), 0.7343464872);
        assertClose(estimate.k(), 1.5362298583);

        assertThat(result.sites()).extracting(r -> r.site().siteCode()).containsExactly("N1", "S3", "S2", "N2", "S1", "S4");
        assertSite(result.sites().get(0), 4.375, 0.8389059533, 4.2800695796, 1, 1, 2);
        assertSite(result.sites().get(1), 4.5, 0.5655740945, 4.0221315039, 2, 1, 1);
        assertSite(result.sites().get(2), 3.75, 0.8389059533, 3.6936170836, 3, 2, 3);
        assertSite(result.sites().get(3), 3.0, 0.7961540602, 3.1601646670, 4, 2, 4);
        assertSite(result.sites().get(4), 2.4, 0.7649669777, 2.6350330223, 5, 3, 5);
        Ranked unanswered = result.sites().get(5);
        assertThat(unanswered.mean()).isEmpty();
        assertThat(unanswered.weight()).isEmpty();
        assertThat(unanswered.shrunkMean()).isEmpty();
        assertThat(unanswered.rank()).isEmpty();
        assertThat(unanswered.regionRank()).isEmpty();
        assertThat(unanswered.rawRank()).isEmpty();
    }

    /**
     * The issue's case: 12 answers at 4.92 outrank 900 at 4.6 raw, not once shrunk.
     *
     * <pre>
     * R1: BIG   60×3, 240×4, 600×5  n 900  Σy 4140  Σy² 19380  mean 4.6
     *     MID   30×3,  90×4, 180×5  n 300  Σy 1350  Σy² 6210   mean 4.5
     * R2: SMALL  1×4,  11×5         n 12   Σy 59    Σy² 291    mean 4.9166666667
     *     X     20×3,  50×4, 130×5  n 200  Σy 910   Σy² 4230   mean 4.55
     *     Y     10×3,  30×4,  60×5  n 100  Σy 450   Σy² 2070   mean 4.5
     * m = 5, N = 1512, R = 2; region means R1 5490/1200 = 4.575, R2 1419/312 = 4.5480769231
     * SSW = (19380 − 4140²/900) + (6210 − 1350²/300) + (291 − 59²/12) + (4230 − 910²/200) + (2070 − 450²/100)
     *     = 336 + 135 + 0.9166666667 + 89.5 + 45 = 606.4166666667;  σ²_w = 606.4166666667 / 1507 = 0.4023999115
     * SSB = 900(0.025)² + 300(−0.075)² + 12(0.3685897436)² + 200(0.0019230769)² + 100(−0.0480769231)²
     *     = 0.5625 + 1.6875 + 1.6303084155 + 0.0007396450 + 0.2311390533 = 4.1121794872;  MSB = 4.1121794872 / 3 = 1.3707264957
     * n₀ = (1512 − (900² + 300²)/1200 − (12² + 200² + 100²)/312) / 3 = (1512 − 750 − 160.7179487179) / 3 = 200.4273504274
     * τ² = (1.3707264957 − 0.4023999115) / 200.4273504274 = 0.0048313096;  k = 0.4023999115 / 0.0048313096 = 83.2900277600
     * BIG   4.575 + 900/983.29002776 × 0.025 = 4.575 + 0.9152945465 × 0.025 = 4.5978823637
     * SMALL 4.5480769231 + 12/95.29002776 × 0.3685897436 = 4.5480769231 + 0.1259313307 × 0.3685897436 = 4.5944939200
     * X 4.5494345967, Y 4.5218469510, MID 4.5162977162
     * Raw ties: MID and Y both 4.5, MID has more answers: raw ranks SMALL, BIG, X, MID, Y.
     * </pre>
     */
    @Test
    void aSiteWithTwelveAnswersAt4Point9FallsBelowOneWithNineHundredAt4Point6OnceShrunk() {
        Result result = FairRanking.rank(List.of(site("BIG", "R1", 0, 0, 60, 240, 600), site("MID", "R1", 0, 0, 30, 90, 180),
                site("SMALL", "R2", 0, 0, 0, 1, 11), site("X", "R2", 0, 0, 20, 50, 130), site("Y", "R2", 0, 0, 10, 30, 60)));

        assertClose(result.estimate().withinVariance(), 0.4023999115);
        assertClose(result.estimate().betweenMeanSquare(), 1.3707264957);
        assertClose(result.estimate().n0(), 200.4273504274);
        assertClose(result.estimate().betweenVariance(), 0.0048313096);
        assertClose(result.estimate().k(), 83.2900277600);
        assertThat(result.sites()).extracting(r -> r.site().siteCode()).containsExactly("BIG", "SMALL", "X", "Y", "MID");
        assertSite(result.sites().get(0), 4.6, 0.9152945465, 4.5978823637, 1, 1, 2);
        assertSite(result.sites().get(1), 4.9166666667, 0.1259313307, 4.5944939200, 2, 1, 1);
        assertSite(result.sites().get(2), 4.55, 0.7059902588, 4.5494345967, 3, 2, 3);
        assertSite(result.sites().get(3), 4.5, 0.5455834189, 4.5218469510, 4, 3, 5);
        assertSite(result.sites().get(4), 4.5, 0.7826971178, 4.5162977162, 5, 2, 4);
    }

    /**
     * One region: A answers 1,5,5 (mean 11/3), B 1,3,5 (mean 3); region mean 20/6 = 3.3333333333.
     * SSW = (51 − 121/3) + (35 − 27) = 18.6666666667; σ²_w = 18.6666666667 / 4 = 4.6666666667.
     * SSB = 3(1/3)² + 3(1/3)² = 0.6666666667; MSB = 0.6666666667 / 1; n₀ = (6 − 18/6) / 1 = 3.
     * τ² = max(0, (0.6666666667 − 4.6666666667) / 3) = 0: the sites differ less than chance would make them,
     * so w = 0 and both show 3.3333333333; tied, the ranks go by answers (equal) then code.
     */
    @Test
    void betweenSiteVarianceBelowZeroIsFlooredAndEverySiteShowsItsRegionMean() {
        Result result = FairRanking.rank(List.of(site("B", "R", 1, 0, 1, 0, 1), site("A", "R", 1, 0, 0, 0, 2)));

        assertThat(result.estimate().basis()).isEqualTo(Basis.NO_SPREAD);
        assertClose(result.estimate().withinVariance(), 4.6666666667);
        assertClose(result.estimate().betweenMeanSquare(), 0.6666666667);
        assertClose(result.estimate().n0(), 3);
        assertClose(result.estimate().betweenVariance(), 0);
        assertThat(result.estimate().k()).isEmpty();
        assertSite(result.sites().get(0), 3.6666666667, 0, 3.3333333333, 1, 1, 1);
        assertSite(result.sites().get(1), 3.0, 0, 3.3333333333, 2, 2, 2);
    }

    /**
     * One region: A answers 5,5, B 3,3: SSW = 0, σ²_w = 0; region mean 4; SSB = 2(1)² + 2(−1)² = 4 = MSB;
     * n₀ = (4 − 8/4) / 1 = 2; τ² = (4 − 0) / 2 = 2; k = 0 / 2 = 0, so w = 2 / (2 + 0) = 1: the raw means.
     */
    @Test
    void answersThatDoNotVaryWithinSitesGiveKZeroAndTheRawMeans() {
        Result result = FairRanking.rank(List.of(site("A", "R", 0, 0, 0, 0, 2), site("B", "R", 0, 0, 2, 0, 0)));

        assertThat(result.estimate().basis()).isEqualTo(Basis.ESTIMATED);
        assertClose(result.estimate().betweenVariance(), 2);
        assertClose(result.estimate().k(), 0);
        assertSite(result.sites().get(0), 5, 1, 5, 1, 1, 1);
        assertSite(result.sites().get(1), 3, 1, 3, 2, 2, 2);
    }

    /** One site per region: m − R = 0, nothing to estimate the spread between sites from: w = 1. */
    @Test
    void withOneSitePerRegionTheRawMeansRank() {
        Result result = FairRanking.rank(List.of(site("A", "R1", 0, 0, 1, 1, 0), site("B", "R2", 0, 0, 0, 1, 1)));

        assertThat(result.estimate().basis()).isEqualTo(Basis.NOT_ESTIMABLE);
        assertThat(result.estimate().k()).isEmpty();
        assertThat(result.estimate().betweenVariance()).isEmpty();
        assertSite(result.sites().get(0), 4.5, 1, 4.5, 1, 1, 1);
        assertSite(result.sites().get(1), 3.5, 1, 3.5, 2, 1, 2);
    }

    /** One answer per site: N − m = 0, no variance within sites to estimate: w = 1. */
    @Test
    void withOneAnswerPerSiteTheRawMeansRank() {
        Result result = FairRanking.rank(List.of(site("A", "R", 0, 0, 0, 1, 0), site("B", "R", 0, 0, 0, 0, 1)));

        assertThat(result.estimate().basis()).isEqualTo(Basis.NOT_ESTIMABLE);
        assertThat(result.estimate().withinVariance()).isEmpty();
        assertSite(result.sites().get(0), 5, 1, 5, 1, 1, 1);
        assertSite(result.sites().get(1), 4, 1, 4, 2, 2, 2);
    }

    @Test
    void withoutAnyAnswerNoSiteIsRankedAndAllAreListedByCode() {
        Result result = FairRanking.rank(List.of(site("B", "R", 0, 0, 0, 0, 0), site("A", "R", 0, 0, 0, 0, 0)));

        assertThat(result.estimate().basis()).isEqualTo(Basis.NOT_ESTIMABLE);
        assertThat(result.sites()).extracting(r -> r.site().siteCode()).containsExactly("A", "B");
        assertThat(result.sites()).allSatisfy(r -> assertThat(r.rank()).isEmpty());
    }

    @Test
    void answerSumsComeExactlyFromTheCountsOfEachScore() {
        // 1×1 + 2×2 + 3×1 + 1×4 = 12 over 5 answers; squares 1 + 8 + 9 + 16 = 34
        assertThat(site("S1", "S", 1, 2, 1, 1, 0)).isEqualTo(new SiteAnswers("S1", "S", 5, 12, 34));
    }

    private static void assertSite(Ranked site, double mean, double weight, double shrunk, int rank, int regionRank, int rawRank) {
        assertClose(site.mean(), mean);
        assertClose(site.weight(), weight);
        assertClose(site.shrunkMean(), shrunk);
        assertThat(site.rank()).as("rank of %s", site.site().siteCode()).contains(rank);
        assertThat(site.regionRank()).as("region rank of %s", site.site().siteCode()).contains(regionRank);
        assertThat(site.rawRank()).as("raw rank of %s", site.site().siteCode()).contains(rawRank);
    }

    private static void assertClose(Optional<BigDecimal> actual, double expected) {
        assertThat(actual).isPresent();
        assertThat(actual.get().doubleValue()).isCloseTo(expected, within(TOLERANCE));
    }
}
