package com.qualityreview.review.metrics;

/**
 * Co-moment sums of one dimension score (x) and CSAT (y) over the rows where both are present:
 * n, Σx, Σy, Σx², Σy², Σxy, all exact, so that chunks, sites and regions merge by adding them and a
 * region's correlation comes from its rows, never from its sites' correlations. Scores are 1..5,
 * so the sums stay far inside a long; only products of sums need {@link KeyDrivers}' BigIntegers.
 *
 * <p>Not thread-safe: use one per thread and merge.
 */
public final class PairSums {

    private long n;
    private long sumX;
    private long sumY;
    private long sumXX;
    private long sumYY;
    private long sumXY;

    /** The sums as saved (see {@link #n()} and the others). */
    public static PairSums of(long n, long sumX, long sumY, long sumXX, long sumYY, long sumXY) {
        PairSums sums = new PairSums();
        sums.n = n;
        sums.sumX = sumX;
        sums.sumY = sumY;
        sums.sumXX = sumXX;
        sums.sumYY = sumYY;
        sums.sumXY = sumXY;
        return sums;
    }

    public PairSums add(int x, int y) {
        n++;
        sumX += x;
        sumY += y;
        sumXX += (long) x * x;
        sumYY += (long) y * y;
        sumXY += (long) x * y;
        return this;
    }

    /** Adds the other's rows to these (the other is unchanged). */
    public PairSums merge(PairSums o) {
        n += o.n;
        sumX += o.sumX;
        sumY += o.sumY;
        sumXX += o.sumXX;
        sumYY += o.sumYY;
        sumXY += o.sumXY;
        return this;
    }

    public long n() {
        return n;
    }

    public long sumX() {
        return sumX;
    }

    public long sumY() {
        return sumY;
    }

    public long sumXX() {
        return sumXX;
    }

    public long sumYY() {
        return sumYY;
    }

    public long sumXY() {
        return sumXY;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairSums o && n == o.n && sumX == o.sumX && sumY == o.sumY && sumXX == o.sumXX
                && sumYY == o.sumYY && sumXY == o.sumXY;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(n, sumX, sumY, sumXX, sumYY, sumXY);
    }

    @Override
    public String toString() {
        return "PairSums[n=" + n + ", Σx=" + sumX + ", Σy=" + sumY + ", Σx²=" + sumXX + ", Σy²=" + sumYY + ", Σxy=" + sumXY + "]";
    }
}
