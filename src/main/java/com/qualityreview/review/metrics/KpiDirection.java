package com.qualityreview.review.metrics;

public enum KpiDirection {
    HIGHER_BETTER, LOWER_BETTER
}
