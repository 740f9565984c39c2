package com.qualityreview.review.metrics;

/** Result of one audit item. NA items count for audit_count but not for the score. */
public enum AuditResult {
    PASS, FAIL, NA
}
