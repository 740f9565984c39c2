package com.qualityreview.review.rating;

/** Where a warning stands against the previous review (docs/review.md, Warnings > History). */
public enum WarningStatus {
    /** Not an active warning of the previous review. */
    NEW,
    /** An active warning of the previous review too: one more period running. */
    CONTINUING,
    /** An active warning of the previous review that no longer holds: shown once, in this review. */
    RESOLVED;

    /** NEW and CONTINUING warnings hold in their period; a RESOLVED one is only news of the previous. */
    public boolean isActive() {
        return this != RESOLVED;
    }
}
