package com.qualityreview.review;

public enum WarningType {
    DOWNGRADE, MANDATORY_FAILED, COMPLAINT_SPIKE, KPI_MISS
}
