package com.qualityreview.review;

public enum KpiDirection {
    HIGHER_BETTER, LOWER_BETTER
}
