package com.qualityreview.review.metrics;

import java.math.BigDecimal;

/**
 * One bar of the complaint Pareto chart. The percentages are DECIMAL64 quotients: compare them
 * with {@code compareTo}, since BigDecimal equality (and so record equality) depends on scale.
 *
 * @param pct           100 × count / complaint_count
 * @param cumulativePct 100 × (this and all earlier categories) / complaint_count
 * @param vitalFew      true for the categories up to and including the first whose cumulative % reaches 80
 */
public record ParetoEntry(String category, long count, BigDecimal pct, BigDecimal cumulativePct, boolean vitalFew) {
}
