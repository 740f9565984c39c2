package com.qualityreview.review.metrics;

/** The five SERVQUAL dimensions: feedback scores and audit criteria are grouped by them. */
public enum Dimension {
    RELIABILITY, RESPONSIVENESS, ASSURANCE, EMPATHY, TANGIBLES
}
