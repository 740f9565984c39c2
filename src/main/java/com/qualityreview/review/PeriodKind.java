package com.qualityreview.review;

/** The three kinds of review period. */
public enum PeriodKind {
    /** e.g. 2026-10 */
    MONTH,
    /** e.g. 2026-Q3 */
    QUARTER,
    /** ISO-8601 week, Monday to Sunday, numbered in the ISO week-based year: e.g. 2026-W42 */
    WEEK
}
