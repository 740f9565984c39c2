package com.qualityreview.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Exact median (for an even count, the mean of the two middle values; that division by 2 is
 * always exact).
 *
 * <p>{@link #ofSorted(Iterator, long)} reads values already sorted ascending (e.g. a database
 * cursor over {@code ORDER BY resolution_hours}) and stops after the middle, holding at most two
 * values, so the caller never keeps all rows in memory.
 */
public final class Median {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Median() {
    }

    /**
     * @param ascending values sorted ascending, no nulls; only the first {@code count/2 + 1} are read
     * @param count     number of values the iterator holds
     * @throws IllegalArgumentException when the values are not ascending or fewer than {@code count}/2+1
     */
    public static Optional<BigDecimal> ofSorted(Iterator<BigDecimal> ascending, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (count == 0) {
            return Optional.empty();
        }
        long lowIndex = (count - 1) / 2;
        long highIndex = count / 2;
        BigDecimal previous = null;
        BigDecimal low = null;
        for (long i = 0; i <= highIndex; i++) {
            if (!ascending.hasNext()) {
                throw new IllegalArgumentException("expected " + count + " values, got only " + i);
            }
            BigDecimal v = Objects.requireNonNull(ascending.next(), "median values must not be null");
            if (previous != null && v.compareTo(previous) < 0) {
                throw new IllegalArgumentException("values are not sorted ascending: " + v + " after " + previous);
            }
            previous = v;
            if (i == lowIndex) {
                low = v;
            }
        }
        return Optional.of(lowIndex == highIndex ? low : low.add(previous).divide(TWO));
    }

    public static Optional<BigDecimal> ofSorted(Stream<BigDecimal> ascending, long count) {
        return ofSorted(ascending.iterator(), count);
    }

    /** Median of values in any order (sorts a copy). */
    public static Optional<BigDecimal> of(Collection<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.forEach(v -> Objects.requireNonNull(v, "median values must not be null"));
        sorted.sort(null);
        return ofSorted(sorted.iterator(), sorted.size());
    }
}
