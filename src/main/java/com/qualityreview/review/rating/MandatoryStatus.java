package com.qualityreview.review.rating;

/** Status of a mandatory criterion at a site in a period. */
public enum MandatoryStatus {
    /** Assessed (at least one PASS or FAIL item) and no FAIL. */
    MET,
    /** At least one FAIL item. */
    FAILED,
    /** No PASS or FAIL item in the period (no item, or only NA). */
    NOT_ASSESSED
}
