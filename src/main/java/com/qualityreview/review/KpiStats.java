package com.qualityreview.review;

import com.qualityreview.review.metrics.KpiResult;
import com.qualityreview.review.metrics.Numbers;
import com.qualityreview.review.metrics.Sums;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Mergeable accumulator of one KPI for one scope and period.
 *
 * <p>Rows are {@link #add added} to a site's stats; region and organisation stats are made by
 * {@link #merge merging} site stats into a fresh instance. MEAN, SUM, MIN and MAX then cover
 * all rows of the scope (MEAN = sum of all rows / count of all rows). LAST needs to know the
 * sites: a site's LAST is its row with the latest measured_on (same date twice: the row added
 * last wins; the import's natural key prevents that), a roll-up's LAST is the mean of the LAST
 * values of the merged sites that have rows. Once merged into, an instance is a roll-up and
 * refuses further rows, because a row could then not be attributed to a site.
 */
public final class KpiStats implements Serializable {

    // The identifier the class had when reviews saved it whole (version 1 execution contexts), kept so
    // that those contexts still load; reviews now save a roll-up's sums (see #writeSums).
    private static final long serialVersionUID = 1858058428116438270L;

    private final KpiDefinition definition;
    private long count;
    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal min;
    private BigDecimal max;
    // site level
    private LocalDate latestDate;
    private BigDecimal latestValue;
    // roll-up level: sum and count of the sites' LAST values
    private boolean rollUp;
    private BigDecimal siteLastSum = BigDecimal.ZERO;
    private long siteLastCount;

    public KpiStats(KpiDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    public KpiDefinition definition() {
        return definition;
    }

    public KpiStats add(LocalDate measuredOn, BigDecimal value) {
        if (rollUp) {
            throw new IllegalStateException("KPI " + definition.code() + ": rows are added to site stats, not to a roll-up");
        }
        Objects.requireNonNull(measuredOn, "measuredOn");
        Objects.requireNonNull(value, "value");
        count++;
        sum = sum.add(value);
        min = min == null || value.compareTo(min) < 0 ? value : min;
        max = max == null || value.compareTo(max) > 0 ? value : max;
        if (latestDate == null || !measuredOn.isBefore(latestDate)) {
            latestDate = measuredOn;
            latestValue = value;
        }
        return this;
    }

    /** Merges another scope (a site or a roll-up) into this one, which becomes a roll-up. */
    public KpiStats merge(KpiStats other) {
        if (!other.definition.code().equals(definition.code())) {
            throw new IllegalArgumentException("cannot merge KPI " + other.definition.code() + " into " + definition.code());
        }
        if (!rollUp) {
            rollUp = true;
            if (latestValue != null) { // this instance had site rows: it counts as one site
                siteLastSum = latestValue;
                siteLastCount = 1;
            }
            latestDate = null;
            latestValue = null;
        }
        count += other.count;
        sum = sum.add(other.sum);
        if (other.min != null) {
            min = min == null || other.min.compareTo(min) < 0 ? other.min : min;
            max = max == null || other.max.compareTo(max) > 0 ? other.max : max;
        }
        if (other.rollUp) {
            siteLastSum = siteLastSum.add(other.siteLastSum);
            siteLastCount += other.siteLastCount;
        } else if (other.latestValue != null) {
            siteLastSum = siteLastSum.add(other.latestValue);
            siteLastCount++;
        }
        return this;
    }

    public long rowCount() {
        return count;
    }

    /** The aggregated value, or empty when the scope has no rows in the period. */
    public Optional<BigDecimal> value() {
        if (count == 0) {
            return Optional.empty();
        }
        return switch (definition.aggregation()) {
            case MEAN -> Numbers.divide(sum, count);
            case SUM -> Optional.of(sum);
            case MIN -> Optional.of(min);
            case MAX -> Optional.of(max);
            case LAST -> rollUp ? Numbers.divide(siteLastSum, siteLastCount) : Optional.of(latestValue);
        };
    }

    public KpiResult result() {
        return new KpiResult(definition, value());
    }

    // Names of the saved sums, each followed by the KPI's code.
    private static final String COUNT = "kpiCount:";
    private static final String SUM = "kpiSum:";
    private static final String MIN = "kpiMin:";
    private static final String MAX = "kpiMax:";
    private static final String LAST_SUM = "kpiLastSum:";
    private static final String LAST_COUNT = "kpiLastCount:";

    /** Saves a roll-up's sums (a site's latest row is not saved: roll-ups only are). */
    void writeSums(Sums sums) {
        if (!rollUp) {
            throw new IllegalStateException("KPI " + definition.code() + ": only a roll-up's sums are saved");
        }
        String code = definition.code();
        sums.put(COUNT + code, count);
        sums.put(SUM + code, sum);
        sums.put(MIN + code, min);
        sums.put(MAX + code, max);
        sums.put(LAST_SUM + code, siteLastSum);
        sums.put(LAST_COUNT + code, siteLastCount);
    }

    /** The codes of the KPIs whose sums {@code sums} holds. */
    static SortedSet<String> savedCodes(Sums sums) {
        return sums.suffixes(COUNT);
    }

    /** The roll-up {@link #writeSums} saved for {@code definition}. */
    static KpiStats readSums(Sums sums, KpiDefinition definition) {
        String code = definition.code();
        KpiStats stats = new KpiStats(definition);
        stats.rollUp = true;
        stats.count = sums.count(COUNT + code);
        stats.sum = sums.decimalOrZero(SUM + code);
        stats.min = sums.decimal(MIN + code);
        stats.max = sums.decimal(MAX + code);
        stats.siteLastSum = sums.decimalOrZero(LAST_SUM + code);
        stats.siteLastCount = sums.count(LAST_COUNT + code);
        return stats;
    }
}
