package com.qualityreview.review.rating;

public enum WarningType {
    DOWNGRADE, MANDATORY_FAILED, COMPLAINT_SPIKE, KPI_MISS
}
