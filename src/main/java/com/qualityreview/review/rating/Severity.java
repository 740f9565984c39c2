package com.qualityreview.review.rating;

/** Warning severity, least severe first (so compareTo orders by severity). */
public enum Severity {
    MINOR, MODERATE, SEVERE
}
