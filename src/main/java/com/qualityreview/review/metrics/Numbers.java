package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Arithmetic conventions of the review.
 *
 * <p>Sums and counts are kept exact (long and unbounded BigDecimal). Every division uses
 * {@link #MC} = {@link MathContext#DECIMAL64}: 16 significant digits, HALF_EVEN. That is
 * "full precision" for the report and CSV (at least 4 decimals for any value we compute)
 * without the non-terminating-expansion trap of exact division. Rounding for people is done
 * only by {@link Display}.
 *
 * <p>"No data" is always {@link Optional#empty()}, never zero.
 */
public final class Numbers {

    /** The single precision used for every division in this package. */
    public static final MathContext MC = MathContext.DECIMAL64;

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Numbers() {
    }

    /** numerator / denominator, or no data when the denominator is 0. */
    public static Optional<BigDecimal> divide(BigDecimal numerator, long denominator) {
        if (denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.divide(BigDecimal.valueOf(denominator), MC));
    }

    /** 100 × part / whole, or no data when whole is 0. */
    public static Optional<BigDecimal> percent(long part, long whole) {
        return divide(BigDecimal.valueOf(part).multiply(HUNDRED), whole);
    }
}
