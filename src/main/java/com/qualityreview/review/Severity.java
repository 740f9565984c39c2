package com.qualityreview.review;

/** Warning severity, least severe first (so compareTo orders by severity). */
public enum Severity {
    MINOR, MODERATE, SEVERE
}
