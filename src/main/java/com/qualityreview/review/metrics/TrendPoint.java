package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The headline feedback figures of one scope in one period of a trend, kept as sums and counts so
 * that site points add up to region and organisation points exactly.
 */
public record TrendPoint(long feedbackCount, long csatSum, long csatCount, long promoters, long detractors, long npsCount,
        long complaints) {

    public static final TrendPoint EMPTY = new TrendPoint(0, 0, 0, 0, 0, 0, 0);

    public TrendPoint plus(TrendPoint o) {
        return new TrendPoint(feedbackCount + o.feedbackCount, csatSum + o.csatSum, csatCount + o.csatCount,
                promoters + o.promoters, detractors + o.detractors, npsCount + o.npsCount, complaints + o.complaints);
    }

    public Optional<BigDecimal> csatMean() {
        return Numbers.divide(BigDecimal.valueOf(csatSum), csatCount);
    }

    public Optional<BigDecimal> nps() {
        return Numbers.percent(promoters - detractors, npsCount);
    }

    public Optional<BigDecimal> complaintRatePct() {
        return Numbers.percent(complaints, feedbackCount);
    }
}
