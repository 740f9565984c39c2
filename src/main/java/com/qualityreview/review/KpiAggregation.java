package com.qualityreview.review;

/** How a KPI's rows in a period make one value. */
public enum KpiAggregation {
    /** Sum of all rows of the scope / count of all rows of the scope (not a mean of site means). */
    MEAN,
    SUM,
    MIN,
    MAX,
    /** Site: the row with the latest measured_on. Region/organisation: mean of its sites' LAST values. */
    LAST
}
