package com.qualityreview.scale;

/** The production {@link Partitions} with another partition count, for tests that compare counts in one application context. */
public final class ScaleForTests {

    private ScaleForTests() {
    }

    public static Partitions localPartitions(int count) {
        return new Partitions(new ScaleProperties(count, ScaleMode.LOCAL));
    }
}
