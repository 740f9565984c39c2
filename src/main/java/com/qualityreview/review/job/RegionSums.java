package com.qualityreview.review.job;

import com.qualityreview.review.SiteSummaryWriter;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.ScopeStats;
import com.qualityreview.review.metrics.Sums;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The statistics of every region, in both periods, that the summarise step adds its sites to; saved
 * with each chunk and promoted to the job for the roll-up. Only sums and counts are kept — no audit
 * ids, no resolution hours (the database counts and takes medians from the rows) — so they grow
 * with the regions, complaint categories, criteria and KPIs, never with the rows. They are saved as
 * plain strings ({@link Sums}), so no change to the statistics classes can make them unreadable.
 */
public final class RegionSums {

    static final String CURRENT_KEY = "review.regionSums.current";
    static final String PREVIOUS_KEY = "review.regionSums.previous";

    private final SortedMap<String, ScopeStats> current = new TreeMap<>();
    private final SortedMap<String, ScopeStats> previous = new TreeMap<>();

    public void add(String region, ScopeStats now, ScopeStats before) {
        current.computeIfAbsent(region, r -> new ScopeStats()).merge(now);
        previous.computeIfAbsent(region, r -> new ScopeStats()).merge(before);
    }

    /** Adds the sums of other sites (another partition's): the same totals whatever the order, as sums and counts are exact. */
    void merge(RegionSums other) {
        other.current.forEach((region, now) -> add(region, now, other.previous(region)));
    }

    /** The regions with a site summarised, by code, and their statistics of the reviewed period. */
    SortedMap<String, ScopeStats> current() {
        return Collections.unmodifiableSortedMap(current);
    }

    ScopeStats previous(String region) {
        return previous.getOrDefault(region, new ScopeStats());
    }

    public void saveTo(ExecutionContext context) {
        context.put(CURRENT_KEY, save(current));
        context.put(PREVIOUS_KEY, save(previous));
        context.remove(ReviewContext.V1_ROLL_UP);
        ReviewContext.mark(context);
    }

    /**
     * The sums saved in {@code context}, none when it has none; a version 1 context's region objects
     * are converted. KPIs are read with their current definitions.
     *
     * @throws IllegalStateException when the context is of a version this release cannot read
     */
    public static RegionSums from(ExecutionContext context, ReviewRun key, Map<String, KpiDefinition> kpis) {
        RegionSums sums = new RegionSums();
        if (ReviewContext.version(context, key) == 1) {
            if (context.get(ReviewContext.V1_ROLL_UP) instanceof SiteSummaryWriter.RollUp legacy) {
                // Through the sums, as a version 2 context would hold them: the KPIs get their current definitions.
                load(sums.current, save(legacy.current), kpis);
                load(sums.previous, save(legacy.previous), kpis);
            }
        }
        else if (context.containsKey(CURRENT_KEY)) {
            load(sums.current, saved(context, CURRENT_KEY), kpis);
            load(sums.previous, saved(context, PREVIOUS_KEY), kpis);
        }
        return sums;
    }

    private static HashMap<String, HashMap<String, String>> save(Map<String, ScopeStats> regions) {
        HashMap<String, HashMap<String, String>> saved = new HashMap<>();
        regions.forEach((region, stats) -> {
            Sums sums = new Sums();
            stats.writeSums(sums);
            saved.put(region, sums.toMap());
        });
        return saved;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> saved(ExecutionContext context, String key) {
        Object value = context.get(key);
        return value == null ? Map.of() : (Map<String, Map<String, String>>) value;
    }

    private static void load(Map<String, ScopeStats> into, Map<String, ? extends Map<String, String>> saved,
            Map<String, KpiDefinition> kpis) {
        saved.forEach((region, sums) -> into.put(region, ScopeStats.readSums(Sums.of(sums), kpis)));
    }
}
