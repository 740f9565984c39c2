package com.qualityreview.review.metrics;

import java.util.Objects;

/**
 * An audit criterion (reference data).
 *
 * @param mandatoryFromStar 0 = never mandatory; N = must be MET to hold N stars or more
 */
public record Criterion(String code, String name, Dimension dimension, int points, int mandatoryFromStar) {

    public Criterion {
        Objects.requireNonNull(code, "code");
        if (points <= 0) {
            throw new IllegalArgumentException("criterion " + code + ": points must be > 0, got " + points);
        }
        if (mandatoryFromStar < 0 || mandatoryFromStar > 5) {
            throw new IllegalArgumentException("criterion " + code + ": mandatory_from_star must be 0 to 5, got " + mandatoryFromStar);
        }
    }

    public boolean isMandatory() {
        return mandatoryFromStar > 0;
    }
}
