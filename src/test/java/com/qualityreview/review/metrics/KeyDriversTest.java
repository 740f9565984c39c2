package com.qualityreview.review.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import com.qualityreview.review.metrics.KeyDrivers.Driver;
import com.qualityreview.review.metrics.KeyDrivers.Quadrant;

import org.junit.jupiter.api.Test;

/**
 * Key drivers on six hand-worked rows (x = the dimension's score, y = csat).
 *
 * <pre>
 * row  csat  rel resp ass emp tan
 *  1     5    5   3    5   3   5
 *  2     4    4   2    5   4   4
 *  3     2    2   2    4   3   5
 *  4     3    2   4    3   2   4
 *  5     1    1   3    4   2   5
 *  6     4    3   2    5   4   4
 * csat: n 6, Σy = 19, Σy² = 71, so nΣy² − (Σy)² = 426 − 361 = 65 for every dimension.
 *       Σx Σx² Σxy   nΣxy − ΣxΣy      nΣx² − (Σx)²   r = cov / √(vx·65)         mean
 * rel   17  59  64   384 − 323 = 61   354 − 289 = 65  61/65         = 0.938461538  17/6 = 2.833333
 * resp  16  46  50   300 − 304 = −4   276 − 256 = 20  −4/√1300      = −0.110940039 16/6 = 2.666667
 * ass   26 116  86   516 − 494 = 22   696 − 676 = 20  22/√1300      = 0.610170216  26/6 = 4.333333
 * emp   18  58  61   366 − 342 = 24   348 − 324 = 24  24/√1560      = 0.607643620  18/6 = 3
 * tan   27 123  84   504 − 513 = −9   738 − 729 = 9   −9/√585       = −0.372104204 27/6 = 4.5
 * Fisher: margin = 1.959963984540054/√(6 − 3) = 1.131585734
 * rel   z = atanh(0.938461538) = ½ln(126/4) = 1.724993773 → tanh(0.593408) = 0.532342277, tanh(2.856580) = 0.993417289
 * resp  z = −0.111398569 → tanh(−1.242984) = −0.846304589, tanh(1.020187) = 0.769942758
 * ass   z = 0.709192492  → tanh(−0.422393) = −0.398944693, tanh(1.840778) = 0.950869789
 * emp   z = 0.705177119  → tanh(−0.426409) = −0.402315574, tanh(1.836763) = 0.950483456
 * tan   z = −0.390863266 → tanh(−1.522449) = −0.909123494, tanh(0.740722) = 0.629581461
 * Rank by r: rel, ass, emp, resp, tan. Medians (five values: the third): r 0.607643620 (emp), mean 3 (emp).
 * rel: r ≥ median, mean 2.83 &lt; 3 → CONCENTRATE_HERE (fix first); ass, emp (at both medians: high) → KEEP_UP_THE_GOOD_WORK;
 * resp: r &lt; median, mean 2.67 &lt; 3 → LOW_PRIORITY; tan: r &lt; median, mean 4.5 ≥ 3 → POSSIBLE_OVERKILL.
 * </pre>
 */
class KeyDriversTest {

    static final int[][] ROWS = {
        {5, 5, 3, 5, 3, 5},
        {4, 4, 2, 5, 4, 4},
        {2, 2, 2, 4, 3, 5},
        {3, 2, 4, 3, 2, 4},
        {1, 1, 3, 4, 2, 5},
        {4, 3, 2, 5, 4, 4}};

    static Map<Dimension, PairSums> pairs(int[][] rows) {
        Map<Dimension, PairSums> pairs = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            PairSums sums = new PairSums();
            for (int[] row : rows) {
                sums.add(row[d.ordinal() + 1], row[0]);
            }
            pairs.put(d, sums);
        }
        return pairs;
    }

    static Map<Dimension, Optional<BigDecimal>> means(Map<Dimension, PairSums> pairs) {
        Map<Dimension, Optional<BigDecimal>> means = new EnumMap<>(Dimension.class);
        pairs.forEach((d, sums) -> means.put(d, Numbers.divide(BigDecimal.valueOf(sums.sumX()), sums.n())));
        return means;
    }

    static List<Driver> drivers(int[][] rows, long minRows) {
        Map<Dimension, PairSums> pairs = pairs(rows);
        return KeyDrivers.of(pairs, means(pairs), minRows);
    }

    static Driver driver(List<Driver> drivers, Dimension dimension) {
        return drivers.stream().filter(d -> d.dimension() == dimension).findFirst().orElseThrow();
    }

    @Test
    void theRowsAddUpToTheHandWorkedSums() {
        assertThat(pairs(ROWS).get(Dimension.RELIABILITY)).isEqualTo(PairSums.of(6, 17, 19, 59, 71, 64));
        assertThat(pairs(ROWS).get(Dimension.TANGIBLES)).isEqualTo(PairSums.of(6, 27, 19, 123, 71, 84));
    }

    @Test
    void correlationIntervalAndMeanAreTheHandWorkedOnes() {
        List<Driver> drivers = drivers(ROWS, 6);

        assertDriver(driver(drivers, Dimension.RELIABILITY), 0.938461538, 0.532342277, 0.993417289, "2.833333");
        assertDriver(driver(drivers, Dimension.RESPONSIVENESS), -0.110940039, -0.846304589, 0.769942758, "2.666667");
        assertDriver(driver(drivers, Dimension.ASSURANCE), 0.610170216, -0.398944693, 0.950869789, "4.333333");
        assertDriver(driver(drivers, Dimension.EMPATHY), 0.607643620, -0.402315574, 0.950483456, "3");
        assertDriver(driver(drivers, Dimension.TANGIBLES), -0.372104204, -0.909123494, 0.629581461, "4.5");
        assertThat(drivers).extracting(Driver::n).containsOnly(6L);
    }

    static void assertDriver(Driver driver, double r, double low, double high, String mean) {
        assertThat(driver.r().getAsDouble()).isCloseTo(r, offset(1e-6));
        assertThat(driver.low().getAsDouble()).isCloseTo(low, offset(1e-6));
        assertThat(driver.high().getAsDouble()).isCloseTo(high, offset(1e-6));
        assertThat(driver.mean().orElseThrow().doubleValue()).isCloseTo(Double.parseDouble(mean), offset(1e-6));
    }

    @Test
    void dimensionsAreRankedByRAndPlacedInTheQuadrantsAgainstTheMedians() {
        List<Driver> drivers = drivers(ROWS, 6);

        assertThat(drivers).extracting(Driver::rank, Driver::dimension, Driver::quadrant).containsExactly(
                tuple(1, Dimension.RELIABILITY, Optional.of(Quadrant.CONCENTRATE_HERE)),
                tuple(2, Dimension.ASSURANCE, Optional.of(Quadrant.KEEP_UP_THE_GOOD_WORK)),
                tuple(3, Dimension.EMPATHY, Optional.of(Quadrant.KEEP_UP_THE_GOOD_WORK)),
                tuple(4, Dimension.RESPONSIVENESS, Optional.of(Quadrant.LOW_PRIORITY)),
                tuple(5, Dimension.TANGIBLES, Optional.of(Quadrant.POSSIBLE_OVERKILL)));
        assertThat(KeyDrivers.fixFirst(drivers)).contains(Dimension.RELIABILITY);
    }

    /**
     * The rows' correlations with other means: reliability 4.8, empathy 4.9, tangibles 1.5 (assurance
     * 4.333333, responsiveness 2.666667). Median mean 4.333333: the three highest r (rel, ass, emp) are
     * the three highest means → KEEP_UP_THE_GOOD_WORK, resp and tan → LOW_PRIORITY; none to concentrate on.
     */
    @Test
    void withoutAConcentrateHereDimensionThereIsNothingToFixFirst() {
        Map<Dimension, PairSums> pairs = pairs(ROWS);
        Map<Dimension, Optional<BigDecimal>> means = means(pairs);
        means.put(Dimension.RELIABILITY, Optional.of(new BigDecimal("4.8")));
        means.put(Dimension.EMPATHY, Optional.of(new BigDecimal("4.9")));
        means.put(Dimension.TANGIBLES, Optional.of(new BigDecimal("1.5")));

        List<Driver> drivers = KeyDrivers.of(pairs, means, 6);

        assertThat(drivers).extracting(Driver::dimension, Driver::quadrant).containsExactly(
                tuple(Dimension.RELIABILITY, Optional.of(Quadrant.KEEP_UP_THE_GOOD_WORK)),
                tuple(Dimension.ASSURANCE, Optional.of(Quadrant.KEEP_UP_THE_GOOD_WORK)),
                tuple(Dimension.EMPATHY, Optional.of(Quadrant.KEEP_UP_THE_GOOD_WORK)),
                tuple(Dimension.RESPONSIVENESS, Optional.of(Quadrant.LOW_PRIORITY)),
                tuple(Dimension.TANGIBLES, Optional.of(Quadrant.LOW_PRIORITY)));
        assertThat(KeyDrivers.fixFirst(drivers)).isEmpty();
    }

    /**
     * Empathy all 3 (no variance): no r, ranked last, no quadrant. The four others: medians of r
     * (0.938, 0.610, −0.111, −0.372) = (0.610170216 − 0.110940039)/2 = 0.249615 and of means
     * (2.833, 4.333, 2.667, 4.5) = (2.833333 + 4.333333)/2 = 3.583333: rel high/low → CONCENTRATE_HERE,
     * ass high/high → KEEP_UP, resp low/low → LOW_PRIORITY, tan low/high → POSSIBLE_OVERKILL.
     */
    @Test
    void aDimensionWithoutVarianceHasNoCorrelationAndTheMediansOfAnEvenCountAreTheMiddleMeans() {
        int[][] rows = copy(ROWS);
        for (int[] row : rows) {
            row[4] = 3;
        }

        List<Driver> drivers = drivers(rows, 6);

        Driver empathy = drivers.get(4);
        assertThat(empathy.dimension()).isEqualTo(Dimension.EMPATHY);
        assertThat(empathy.r()).isEmpty();
        assertThat(empathy.low()).isEmpty();
        assertThat(empathy.quadrant()).isEmpty();
        assertThat(empathy.n()).isEqualTo(6);
        assertThat(empathy.mean()).hasValueSatisfying(mean -> assertThat(mean).isEqualByComparingTo("3"));
        assertThat(drivers.subList(0, 4)).extracting(Driver::dimension, Driver::quadrant).containsExactly(
                tuple(Dimension.RELIABILITY, Optional.of(Quadrant.CONCENTRATE_HERE)),
                tuple(Dimension.ASSURANCE, Optional.of(Quadrant.KEEP_UP_THE_GOOD_WORK)),
                tuple(Dimension.RESPONSIVENESS, Optional.of(Quadrant.LOW_PRIORITY)),
                tuple(Dimension.TANGIBLES, Optional.of(Quadrant.POSSIBLE_OVERKILL)));
    }

    @Test
    void csatWithoutVarianceGivesNoDimensionACorrelation() {
        int[][] rows = copy(ROWS);
        for (int[] row : rows) {
            row[0] = 4;
        }

        assertThat(drivers(rows, 6)).extracting(Driver::r).containsOnly(OptionalDouble.empty());
    }

    @Test
    void belowTheMinimumADimensionKeepsItsCountAndMeanButHasNoCorrelationIntervalNorQuadrant() {
        List<Driver> drivers = drivers(ROWS, 7);

        assertThat(drivers).extracting(Driver::dimension).containsExactly(Dimension.values()); // SPEC order
        assertThat(drivers).allSatisfy(driver -> {
            assertThat(driver.n()).isEqualTo(6);
            assertThat(driver.mean()).isPresent();
            assertThat(driver.r()).isEmpty();
            assertThat(driver.low()).isEmpty();
            assertThat(driver.high()).isEmpty();
            assertThat(driver.quadrant()).isEmpty();
        });
        assertThat(KeyDrivers.reachMinimum(pairs(ROWS), 7)).isFalse();
        assertThat(KeyDrivers.reachMinimum(pairs(ROWS), 6)).isTrue();
    }

    /** Only reliability varies with csat (the others constant): one point has no medians to compare with. */
    @Test
    void withASingleCorrelationThereAreNoQuadrants() {
        int[][] rows = copy(ROWS);
        for (int[] row : rows) {
            row[2] = 3;
            row[3] = 3;
            row[4] = 3;
            row[5] = 3;
        }

        List<Driver> drivers = drivers(rows, 6);

        assertThat(drivers.get(0).r()).isPresent();
        assertThat(drivers).extracting(Driver::quadrant).containsOnly(Optional.empty());
        assertThat(KeyDrivers.fixFirst(drivers)).isEmpty();
    }

    @Test
    void aPerfectCorrelationHasTheIntervalOfItsValueAndFewerThanFourPairsHaveNone() {
        // x = y on 1, 2, 3: nΣxy − ΣxΣy = 3·14 − 36 = 6 = nΣx² − (Σx)², r = 6/√36 = 1.
        PairSums perfect = new PairSums().add(1, 1).add(2, 2).add(3, 3);
        assertThat(KeyDrivers.correlation(perfect)).hasValue(1.0);
        assertThat(KeyDrivers.interval(1, 3)).hasValueSatisfying(bounds -> assertThat(bounds).containsExactly(1, 1));
        assertThat(KeyDrivers.interval(-1, 3)).hasValueSatisfying(bounds -> assertThat(bounds).containsExactly(-1, -1));
        assertThat(KeyDrivers.interval(0.5, 3)).isEmpty();
        // n = 4: margin 1.959964/√1; atanh(0.5) = 0.549306 → tanh(−1.410658) = −0.887634, tanh(2.509270) = 0.986859.
        assertThat(KeyDrivers.interval(0.5, 4)).hasValueSatisfying(bounds -> {
            assertThat(bounds[0]).isCloseTo(-0.887634, offset(1e-6));
            assertThat(bounds[1]).isCloseTo(0.986859, offset(1e-6));
        });
    }

    /**
     * Two billion rows, half (1, 1) and half (5, 5): n·Σxy = 2e9 · 2.6e10 = 5.2e19 is past a long's
     * 9.2e18, yet r is exactly 1 (x = y); and (1, 5), (5, 1) give −1.
     */
    @Test
    void theCorrelationOfABillionRowsDoesNotOverflow() {
        long half = 1_000_000_000L;
        PairSums same = PairSums.of(2 * half, 6 * half, 6 * half, 26 * half, 26 * half, 26 * half);
        PairSums opposite = PairSums.of(2 * half, 6 * half, 6 * half, 26 * half, 26 * half, 10 * half);

        assertThat(KeyDrivers.correlation(same).getAsDouble()).isCloseTo(1, offset(1e-12));
        assertThat(KeyDrivers.correlation(opposite).getAsDouble()).isCloseTo(-1, offset(1e-12));
    }

    @Test
    void theSumsOfTwoHalvesMergedAreThoseOfAllRows() {
        int[][] firstHalf = {ROWS[0], ROWS[1], ROWS[2]};
        int[][] secondHalf = {ROWS[3], ROWS[4], ROWS[5]};
        Map<Dimension, PairSums> merged = pairs(firstHalf);
        Map<Dimension, PairSums> second = pairs(secondHalf);
        merged.forEach((d, sums) -> sums.merge(second.get(d)));

        assertThat(merged).isEqualTo(pairs(ROWS));
        assertThat(KeyDrivers.of(merged, means(merged), 6)).isEqualTo(drivers(ROWS, 6));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(KeyDrivers.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(KeyDrivers.median(new double[] {5, 1, 3})).isEqualTo(3);
    }

    static int[][] copy(int[][] rows) {
        int[][] copy = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
