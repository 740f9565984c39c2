package com.qualityreview.review.rating;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The thresholds of one star level.
 *
 * @param allKpisMet true = at least one KPI has a value and every KPI with a value is met
 */
public record RatingLevel(int level, Map<Threshold, BigDecimal> thresholds, boolean allKpisMet) {

    public RatingLevel {
        if (level < 1 || level > 5) {
            throw new RatingSchemeException("level " + level + ": levels are 1 to 5");
        }
        EnumMap<Threshold, BigDecimal> copy = new EnumMap<>(Threshold.class);
        copy.putAll(thresholds);
        copy.forEach((t, v) -> {
            if (v == null) {
                throw new RatingSchemeException("level " + level + ", " + t.key() + ": a number is required");
            }
            if (v.compareTo(t.lowest()) < 0 || (t.highest() != null && v.compareTo(t.highest()) > 0)) {
                throw new RatingSchemeException("level " + level + ", " + t.key() + ": " + v.toPlainString()
                        + " is out of range (allowed " + t.lowest() + " to " + (t.highest() == null ? "any" : t.highest()) + ")");
            }
        });
        if (copy.isEmpty() && !allKpisMet) {
            throw new RatingSchemeException("level " + level + " has no thresholds: each level needs at least one");
        }
        thresholds = Collections.unmodifiableMap(copy);
    }
}
