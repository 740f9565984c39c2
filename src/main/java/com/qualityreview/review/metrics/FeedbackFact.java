package com.qualityreview.review.metrics;

import java.math.BigDecimal;

/**
 * The figures of one feedback row that the metrics need. Every score is optional (null = not
 * answered). Ranges are checked again here so that a bad row can never skew a mean silently.
 *
 * @param category complaint category, already upper-case; counted only when {@code complaint}
 *                 is true (a complaint without category is counted as {@link FeedbackStats#NO_CATEGORY})
 */
public record FeedbackFact(
        Integer csat,
        Integer nps,
        Integer reliability,
        Integer responsiveness,
        Integer assurance,
        Integer empathy,
        Integer tangibles,
        boolean complaint,
        String category,
        Boolean firstContactResolved,
        BigDecimal resolutionHours) {

    public FeedbackFact {
        check("csat", csat, 1, 5);
        check("nps", nps, 0, 10);
        check("reliability", reliability, 1, 5);
        check("responsiveness", responsiveness, 1, 5);
        check("assurance", assurance, 1, 5);
        check("empathy", empathy, 1, 5);
        check("tangibles", tangibles, 1, 5);
        if (resolutionHours != null && resolutionHours.signum() < 0) {
            throw new IllegalArgumentException("resolution_hours must be >= 0, got " + resolutionHours);
        }
    }

    private static void check(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", got " + value);
        }
    }

    /** The score for one SERVQUAL dimension, or null. */
    public Integer score(Dimension dimension) {
        return switch (dimension) {
            case RELIABILITY -> reliability;
            case RESPONSIVENESS -> responsiveness;
            case ASSURANCE -> assurance;
            case EMPATHY -> empathy;
            case TANGIBLES -> tangibles;
        };
    }
}
