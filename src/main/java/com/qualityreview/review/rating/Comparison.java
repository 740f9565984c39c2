package com.qualityreview.review.rating;

/** How a rating requirement compares its actual value with what is required. */
public enum Comparison {
    /** actual ≥ required (a "min-" threshold, and minimum-feedback). */
    AT_LEAST,
    /** actual ≤ required (a "max-" threshold). */
    AT_MOST,
    /** all-kpis-met: actual = KPIs met, required = KPIs with a value (at least one). */
    ALL_KPIS_MET,
    /** a mandatory criterion: its status must be MET. */
    MANDATORY_MET
}
