package com.qualityreview.reporting.pdf;

import java.util.ArrayList;
import java.util.List;

import com.qualityreview.scale.Partitions;

/**
 * Cuts a review's scopes (in their fixed order: the organisation, the regions by code, the sites
 * by code) into contiguous ranges, one per render partition: every scope in exactly one range,
 * sizes differing by at most one, the same ranges for the same inputs (a restart finds its
 * partitions again by name).
 */
final class ScopeRanges {

    private ScopeRanges() {
    }

    /** Scopes {@code from} (inclusive) to {@code to} (exclusive) of the list, rendered by partition {@code name}. */
    record Range(String name, int from, int to) {

        int size() {
            return to - from;
        }
    }

    /**
     * Exactly {@code count} ranges over {@code scopes} scopes, named {@code p00}, {@code p01}, …
     * (zero-padded so that they sort); the first {@code scopes % count} get one scope more, and a
     * range is empty when there are fewer scopes than partitions.
     */
    static List<Range> cut(int scopes, int count) {
        if (scopes < 0 || count < 1) {
            throw new IllegalArgumentException("cannot cut " + scopes + " scopes into " + count + " ranges");
        }
        List<Range> ranges = new ArrayList<>(count);
        int from = 0;
        for (int i = 0; i < count; i++) {
            int size = scopes / count + (i < scopes % count ? 1 : 0);
            ranges.add(new Range(Partitions.name(i, count, 2), from, from + size));
            from += size;
        }
        return ranges;
    }
}
