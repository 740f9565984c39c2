package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Key drivers of satisfaction (docs/review.md, Key drivers): per SERVQUAL dimension, the Pearson
 * correlation r of its score with CSAT over the rows where both are present (importance), with a
 * 95 % interval by Fisher's z, and the dimension's mean (performance); dimensions ranked by r and
 * placed in the importance–performance quadrants against the scope's medians.
 */
public final class KeyDrivers {

    /** The 0.975 quantile of the standard normal distribution: a two-sided 95 % interval. */
    static final double Z_95 = 1.959963984540054;

    /** Fisher's z has standard error 1/√(n − 3): an interval needs at least this many pairs. */
    static final long MIN_PAIRS_FOR_INTERVAL = 4;

    public enum Quadrant {
        /** High importance, low performance: improve this first. */
        CONCENTRATE_HERE,
        /** High importance, high performance. */
        KEEP_UP_THE_GOOD_WORK,
        /** Low importance, low performance. */
        LOW_PRIORITY,
        /** Low importance, high performance. */
        POSSIBLE_OVERKILL
    }

    /**
     * One dimension of a scope.
     *
     * @param n    rows with both the dimension's score and CSAT
     * @param r    empty below the minimum of rows, or when either value does not vary
     * @param low  the interval's lower bound, empty without r or with fewer than 4 pairs
     * @param mean the dimension's mean over all its rows (CSAT present or not), as summary.csv shows it
     * @param quadrant empty without r, or when fewer than two dimensions of the scope have one
     * @param rank 1 = most important; dimensions without r after those with one
     */
    public record Driver(Dimension dimension, long n, OptionalDouble r, OptionalDouble low, OptionalDouble high,
            Optional<BigDecimal> mean, Optional<Quadrant> quadrant, int rank) {
    }

    private KeyDrivers() {
    }

    /**
     * r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)), the integer parts exact (n·Σxy
     * overflows a long at a billion rows); empty when either variance is 0 (fewer than two rows too).
     */
    public static OptionalDouble correlation(PairSums s) {
        BigInteger n = BigInteger.valueOf(s.n());
        BigInteger sumX = BigInteger.valueOf(s.sumX());
        BigInteger sumY = BigInteger.valueOf(s.sumY());
        BigInteger covariance = n.multiply(BigInteger.valueOf(s.sumXY())).subtract(sumX.multiply(sumY));
        BigInteger varianceX = n.multiply(BigInteger.valueOf(s.sumXX())).subtract(sumX.multiply(sumX));
        BigInteger varianceY = n.multiply(BigInteger.valueOf(s.sumYY())).subtract(sumY.multiply(sumY));
        if (varianceX.signum() <= 0 || varianceY.signum() <= 0) {
            return OptionalDouble.empty();
        }
        BigDecimal root = new BigDecimal(varianceX.multiply(varianceY)).sqrt(MathContext.DECIMAL128);
        double r = new BigDecimal(covariance).divide(root, MathContext.DECIMAL128).doubleValue();
        return OptionalDouble.of(Math.max(-1, Math.min(1, r)));
    }

    /**
     * The 95 % interval of r by Fisher's z: tanh(atanh(r) ± 1.96/√(n − 3)); [r, r] when r is ±1
     * (atanh is infinite there); none with fewer than 4 pairs.
     */
    public static Optional<double[]> interval(double r, long n) {
        if (Math.abs(r) == 1) {
            return Optional.of(new double[] {r, r});
        }
        if (n < MIN_PAIRS_FOR_INTERVAL) {
            return Optional.empty();
        }
        double z = 0.5 * Math.log((1 + r) / (1 - r));
        double margin = Z_95 / Math.sqrt(n - 3);
        return Optional.of(new double[] {Math.tanh(z - margin), Math.tanh(z + margin)});
    }

    /**
     * The five dimensions of a scope, most important first.
     *
     * @param minRows a dimension with fewer rows with both values gets no r, interval nor quadrant
     */
    public static List<Driver> of(Map<Dimension, PairSums> pairs, Map<Dimension, Optional<BigDecimal>> means, long minRows) {
        record Measured(Dimension dimension, long n, OptionalDouble r, Optional<BigDecimal> mean) {
        }
        List<Measured> measured = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            PairSums sums = pairs.get(d);
            long n = sums == null ? 0 : sums.n();
            OptionalDouble r = n >= minRows ? correlation(sums) : OptionalDouble.empty();
            measured.add(new Measured(d, n, r, means.getOrDefault(d, Optional.empty())));
        }
        List<Measured> withR = measured.stream().filter(m -> m.r().isPresent()).toList();
        // Fewer than two points make no medians to compare with.
        boolean classified = withR.size() >= 2;
        double medianR = classified ? median(withR.stream().mapToDouble(m -> m.r().getAsDouble()).toArray()) : 0;
        double medianMean = classified ? median(withR.stream().mapToDouble(m -> m.mean().orElseThrow().doubleValue()).toArray()) : 0;
        // By r descending; ties and dimensions without r keep the SPEC order (a stable sort).
        List<Measured> ranked = new ArrayList<>(measured);
        ranked.sort(Comparator.comparingInt((Measured m) -> m.r().isPresent() ? 0 : 1)
                .thenComparingDouble(m -> m.r().isPresent() ? -m.r().getAsDouble() : 0));
        List<Driver> drivers = new ArrayList<>();
        for (Measured m : ranked) {
            Optional<double[]> bounds = m.r().isPresent() ? interval(m.r().getAsDouble(), m.n()) : Optional.empty();
            Optional<Quadrant> quadrant = classified && m.r().isPresent()
                    ? Optional.of(quadrant(m.r().getAsDouble() >= medianR, m.mean().orElseThrow().doubleValue() >= medianMean))
                    : Optional.empty();
            drivers.add(new Driver(m.dimension(), m.n(), m.r(),
                    bounds.map(b -> OptionalDouble.of(b[0])).orElse(OptionalDouble.empty()),
                    bounds.map(b -> OptionalDouble.of(b[1])).orElse(OptionalDouble.empty()),
                    m.mean(), quadrant, drivers.size() + 1));
        }
        return List.copyOf(drivers);
    }

    /** True when at least one dimension has the minimum of rows with both values (a site's drivers are kept then). */
    public static boolean reachMinimum(Map<Dimension, PairSums> pairs, long minRows) {
        return pairs.values().stream().anyMatch(sums -> sums.n() >= minRows);
    }

    /** The CONCENTRATE_HERE dimension with the highest r: the first such of the ranked drivers. */
    public static Optional<Dimension> fixFirst(List<Driver> ranked) {
        return ranked.stream().filter(d -> d.quadrant().equals(Optional.of(Quadrant.CONCENTRATE_HERE))).map(Driver::dimension)
                .findFirst();
    }

    private static Quadrant quadrant(boolean importanceHigh, boolean performanceHigh) {
        if (importanceHigh) {
            return performanceHigh ? Quadrant.KEEP_UP_THE_GOOD_WORK : Quadrant.CONCENTRATE_HERE;
        }
        return performanceHigh ? Quadrant.POSSIBLE_OVERKILL : Quadrant.LOW_PRIORITY;
    }

    /** The middle value; with an even count the mean of the two middle ones. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
