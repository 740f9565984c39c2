package com.qualityreview.review.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts the sites of a review, in code order, into contiguous ranges of about the same work, one per
 * partition of the summarise step. A site's work is its feedback rows of the period plus one (a site
 * without rows still costs its queries and its figures). A site is never split, so one site holding
 * most of the rows bounds how even the ranges can be.
 */
final class SiteRanges {

    /** Sites {@code from} (inclusive) to {@code to} (exclusive) of the list split, with their first and last codes. */
    record Range(int from, int to, String firstSite, String lastSite, long rows) {

        int sites() {
            return to - from;
        }
    }

    private SiteRanges() {
    }

    /**
     * At most {@code count} ranges, none empty (fewer when there are fewer sites), covering every site
     * exactly once in order; no range at all when there are no sites. Each cut is placed where the
     * work done so far comes nearest to its even share.
     */
    static List<Range> split(List<String> siteCodes, Map<String, Long> rowsBySite, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one range, was " + count);
        }
        int sites = siteCodes.size();
        int ranges = Math.min(count, sites);
        long[] workBefore = new long[sites + 1];
        for (int i = 0; i < sites; i++) {
            workBefore[i + 1] = workBefore[i] + rowsBySite.getOrDefault(siteCodes.get(i), 0L) + 1;
        }
        List<Range> result = new ArrayList<>(ranges);
        int from = 0;
        for (int part = 1; part <= ranges; part++) {
            int to;
            if (part == ranges) {
                to = sites;
            }
            else {
                // Exact share of part/ranges of the whole work, compared without rounding: work × ranges against total × part.
                long target = workBefore[sites] * part;
                to = from + 1;
                while (to < sites && workBefore[to + 1] * ranges <= target) {
                    to++;
                }
                // One site further when that ends nearer the share (ties stay before it).
                if (to < sites && workBefore[to + 1] * ranges - target < target - workBefore[to] * ranges) {
                    to++;
                }
                // Leave at least one site to each range still to cut.
                to = Math.min(to, sites - (ranges - part));
            }
            long rows = workBefore[to] - workBefore[from] - (to - from);
            result.add(new Range(from, to, siteCodes.get(from), siteCodes.get(to - 1), rows));
            from = to;
        }
        return List.copyOf(result);
    }
}
