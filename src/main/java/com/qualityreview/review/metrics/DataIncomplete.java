package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Why a site's figures of a period are not complete (issue 13, late data): it has no feedback rows
 * at all, or fewer than a share of the previous period's. Reports, summary.csv and email say so
 * instead of presenting such figures as complete.
 */
public enum DataIncomplete {

    /** No feedback row in the period. */
    NO_ROWS,
    /** Fewer feedback rows than the share of the previous period's rows. */
    LOW_VOLUME;

    /**
     * @param rows the site's feedback rows in the period
     * @param previousRows its rows in the previous period of the same kind
     * @param belowShare the share of {@code previousRows} under which the period is incomplete; exactly
     *        that share is complete. A site with no previous rows has nothing to compare with: only
     *        zero rows make it incomplete.
     * @return why the period is incomplete, or empty when it is complete
     */
    public static Optional<DataIncomplete> assess(long rows, long previousRows, BigDecimal belowShare) {
        if (rows == 0) {
            return Optional.of(NO_ROWS);
        }
        // Exact decimals: 0.3 × 10 is 3 here, where a double would flag exactly 30 % as below.
        boolean below = BigDecimal.valueOf(rows).compareTo(belowShare.multiply(BigDecimal.valueOf(previousRows))) < 0;
        return below ? Optional.of(LOW_VOLUME) : Optional.empty();
    }
}
