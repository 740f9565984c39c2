package com.qualityreview.review;

import com.qualityreview.review.metrics.Dimension;
import com.qualityreview.review.metrics.FeedbackFact;
import com.qualityreview.review.metrics.KeyDrivers;
import com.qualityreview.review.metrics.Numbers;
import com.qualityreview.review.metrics.PairSums;
import com.qualityreview.review.metrics.ParetoEntry;
import com.qualityreview.review.metrics.Sums;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Mergeable feedback accumulator for one scope (site, region, organisation) and period.
 *
 * <p>Only exact counts and sums are kept (memory does not grow with the number of rows, only
 * with the number of distinct complaint categories), so a region's figures are obtained by
 * {@link #merge merging} its sites' stats: every derived figure is then computed from the
 * underlying rows' sums and counts, never as an average of site averages.
 *
 * <p>Derived figures are divided with {@link Numbers#MC} (DECIMAL64) and return
 * {@link Optional#empty()} for "no data". The resolution-hours median needs the values
 * themselves: the review has the database compute it.
 *
 * <p>Not thread-safe: use one per thread and merge.
 */
public final class FeedbackStats implements Serializable {

    // The identifier the class had when reviews saved it whole (version 1 execution contexts), kept so
    // that those contexts still load; reviews now save its sums (see #writeSums).
    private static final long serialVersionUID = 6788265019276526165L;

    /** Pareto category of a complaint that has no category (import normally rejects those). */
    public static final String NO_CATEGORY = "UNCATEGORISED";

    private long feedbackCount;
    private final long[] csatCounts = new long[5]; // index = csat - 1
    private long npsCount;
    private long promoters;  // nps 9-10
    private long detractors; // nps 0-6
    private final long[] servqualSums = new long[Dimension.values().length];
    private final long[] servqualCounts = new long[Dimension.values().length];
    private long complaintCount;
    private final Map<String, Long> complaintsByCategory = new HashMap<>();
    private long fcrKnown;
    private long fcrResolved;
    private BigDecimal resolutionHoursSum = BigDecimal.ZERO;
    private long resolutionHoursCount;
    // Per dimension, with CSAT: the key drivers' sums. Transient and created on reading, so that the
    // Java-serialised form of version 1 contexts (which have none) is unchanged and still loads.
    private transient PairSums[] withCsat = newPairs();

    private static PairSums[] newPairs() {
        PairSums[] pairs = new PairSums[Dimension.values().length];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new PairSums();
        }
        return pairs;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        withCsat = newPairs();
    }

    public FeedbackStats add(FeedbackFact f) {
        feedbackCount++;
        if (f.csat() != null) {
            csatCounts[f.csat() - 1]++;
        }
        if (f.nps() != null) {
            npsCount++;
            if (f.nps() >= 9) {
                promoters++;
            } else if (f.nps() <= 6) {
                detractors++;
            }
        }
        for (Dimension d : Dimension.values()) {
            Integer score = f.score(d);
            if (score != null) {
                servqualSums[d.ordinal()] += score;
                servqualCounts[d.ordinal()]++;
                if (f.csat() != null) {
                    withCsat[d.ordinal()].add(score, f.csat());
                }
            }
        }
        if (f.complaint()) {
            complaintCount++;
            String category = f.category() == null || f.category().isBlank() ? NO_CATEGORY : f.category();
            complaintsByCategory.merge(category, 1L, Long::sum);
        }
        if (f.firstContactResolved() != null) {
            fcrKnown++;
            if (f.firstContactResolved()) {
                fcrResolved++;
            }
        }
        if (f.resolutionHours() != null) {
            resolutionHoursSum = resolutionHoursSum.add(f.resolutionHours());
            resolutionHoursCount++;
        }
        return this;
    }

    /** Adds the other scope's rows to this one (the other is unchanged). */
    public FeedbackStats merge(FeedbackStats o) {
        feedbackCount += o.feedbackCount;
        for (int i = 0; i < 5; i++) {
            csatCounts[i] += o.csatCounts[i];
        }
        npsCount += o.npsCount;
        promoters += o.promoters;
        detractors += o.detractors;
        for (int i = 0; i < servqualSums.length; i++) {
            servqualSums[i] += o.servqualSums[i];
            servqualCounts[i] += o.servqualCounts[i];
            withCsat[i].merge(o.withCsat[i]);
        }
        complaintCount += o.complaintCount;
        o.complaintsByCategory.forEach((k, v) -> complaintsByCategory.merge(k, v, Long::sum));
        fcrKnown += o.fcrKnown;
        fcrResolved += o.fcrResolved;
        resolutionHoursSum = resolutionHoursSum.add(o.resolutionHoursSum);
        resolutionHoursCount += o.resolutionHoursCount;
        return this;
    }

    public long feedbackCount() {
        return feedbackCount;
    }

    public long csatCount() {
        long n = 0;
        for (long c : csatCounts) {
            n += c;
        }
        return n;
    }

    /** Exact sum of the non-null csat values. */
    public long csatSum() {
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (i + 1) * csatCounts[i];
        }
        return sum;
    }

    public Optional<BigDecimal> csatMean() {
        return Numbers.divide(BigDecimal.valueOf(csatSum()), csatCount());
    }

    /** 100 × count(csat ≥ 4) / count(csat non-null). */
    public Optional<BigDecimal> csatSatisfiedPct() {
        return Numbers.percent(csatCounts[3] + csatCounts[4], csatCount());
    }

    /** Counts of csat = 1..5, keys 1 to 5 always present, in order. */
    public Map<Integer, Long> csatDistribution() {
        Map<Integer, Long> d = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            d.put(i + 1, csatCounts[i]);
        }
        return Collections.unmodifiableMap(d);
    }

    public long npsCount() {
        return npsCount;
    }

    /** 100 × (promoters − detractors) / answers, −100..100. */
    public Optional<BigDecimal> nps() {
        return Numbers.percent(promoters - detractors, npsCount);
    }

    public Optional<BigDecimal> servqualMean(Dimension d) {
        return Numbers.divide(BigDecimal.valueOf(servqualSums[d.ordinal()]), servqualCounts[d.ordinal()]);
    }

    /** All five SERVQUAL means (empty values for dimensions without answers). */
    public Map<Dimension, Optional<BigDecimal>> servqualMeans() {
        Map<Dimension, Optional<BigDecimal>> m = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            m.put(d, servqualMean(d));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Per dimension, its score and CSAT over the rows where both are present (a copy). */
    public Map<Dimension, PairSums> withCsat() {
        Map<Dimension, PairSums> pairs = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            pairs.put(d, new PairSums().merge(withCsat[d.ordinal()]));
        }
        return Collections.unmodifiableMap(pairs);
    }

    /** The key drivers of satisfaction of these rows, most important first (docs/review.md, Key drivers). */
    public List<KeyDrivers.Driver> keyDrivers(long minRows) {
        return KeyDrivers.of(withCsat(), servqualMeans(), minRows);
    }

    public long complaintCount() {
        return complaintCount;
    }

    /** 100 × complaint_count / feedback_count (no data when there is no feedback). */
    public Optional<BigDecimal> complaintRatePct() {
        return Numbers.percent(complaintCount, feedbackCount);
    }

    /**
     * Complaint categories, most complaints first, ties by category code ascending, with
     * cumulative %. The vital few are the categories up to and including the first whose
     * cumulative % reaches 80 (compared exactly on counts: cumulative × 100 ≥ 80 × total).
     */
    public List<ParetoEntry> complaintPareto() {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(complaintsByCategory.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<ParetoEntry> pareto = new ArrayList<>(entries.size());
        long cumulative = 0;
        boolean reached = false;
        for (Map.Entry<String, Long> e : entries) {
            cumulative += e.getValue();
            boolean vital = !reached;
            if (cumulative * 100 >= 80 * complaintCount) {
                reached = true;
            }
            pareto.add(new ParetoEntry(e.getKey(), e.getValue(),
                    Numbers.percent(e.getValue(), complaintCount).orElseThrow(),
                    Numbers.percent(cumulative, complaintCount).orElseThrow(),
                    vital));
        }
        return List.copyOf(pareto);
    }

    /** 100 × count(first_contact_resolved = true) / count(non-null). */
    public Optional<BigDecimal> fcrPct() {
        return Numbers.percent(fcrResolved, fcrKnown);
    }

    public long resolutionHoursCount() {
        return resolutionHoursCount;
    }

    public BigDecimal resolutionHoursSum() {
        return resolutionHoursSum;
    }

    public Optional<BigDecimal> resolutionHoursMean() {
        return Numbers.divide(resolutionHoursSum, resolutionHoursCount);
    }

    // Names of the saved sums: never rename one, or contexts saved before are misread.
    private static final String[] CSAT = {"csat1", "csat2", "csat3", "csat4", "csat5"};
    private static final String[] SERVQUAL_SUM = servqualNames("Sum");
    private static final String[] SERVQUAL_COUNT = servqualNames("Count");
    private static final String CATEGORY = "category:";
    private static final String[] WITH_CSAT_N = servqualNames("CsatN");
    private static final String[] WITH_CSAT_SUM_X = servqualNames("CsatSumX");
    private static final String[] WITH_CSAT_SUM_Y = servqualNames("CsatSumY");
    private static final String[] WITH_CSAT_SUM_XX = servqualNames("CsatSumXX");
    private static final String[] WITH_CSAT_SUM_YY = servqualNames("CsatSumYY");
    private static final String[] WITH_CSAT_SUM_XY = servqualNames("CsatSumXY");

    private static String[] servqualNames(String suffix) {
        String[] names = new String[Dimension.values().length];
        for (Dimension d : Dimension.values()) {
            names[d.ordinal()] = d.name().toLowerCase(Locale.ROOT) + suffix;
        }
        return names;
    }

    /** Saves every sum and count under a fixed name (a complaint category under "category:" and its code). */
    void writeSums(Sums sums) {
        sums.put("feedback", feedbackCount);
        for (int i = 0; i < 5; i++) {
            sums.put(CSAT[i], csatCounts[i]);
        }
        sums.put("npsCount", npsCount);
        sums.put("promoters", promoters);
        sums.put("detractors", detractors);
        for (Dimension d : Dimension.values()) {
            sums.put(SERVQUAL_SUM[d.ordinal()], servqualSums[d.ordinal()]);
            sums.put(SERVQUAL_COUNT[d.ordinal()], servqualCounts[d.ordinal()]);
            PairSums pairs = withCsat[d.ordinal()];
            sums.put(WITH_CSAT_N[d.ordinal()], pairs.n());
            sums.put(WITH_CSAT_SUM_X[d.ordinal()], pairs.sumX());
            sums.put(WITH_CSAT_SUM_Y[d.ordinal()], pairs.sumY());
            sums.put(WITH_CSAT_SUM_XX[d.ordinal()], pairs.sumXX());
            sums.put(WITH_CSAT_SUM_YY[d.ordinal()], pairs.sumYY());
            sums.put(WITH_CSAT_SUM_XY[d.ordinal()], pairs.sumXY());
        }
        sums.put("complaints", complaintCount);
        complaintsByCategory.forEach((category, count) -> sums.put(CATEGORY + category, count));
        sums.put("fcrKnown", fcrKnown);
        sums.put("fcrResolved", fcrResolved);
        sums.put("hoursSum", resolutionHoursSum);
        sums.put("hoursCount", resolutionHoursCount);
    }

    /** The stats {@link #writeSums} saved. */
    static FeedbackStats readSums(Sums sums) {
        FeedbackStats stats = new FeedbackStats();
        stats.feedbackCount = sums.count("feedback");
        for (int i = 0; i < 5; i++) {
            stats.csatCounts[i] = sums.count(CSAT[i]);
        }
        stats.npsCount = sums.count("npsCount");
        stats.promoters = sums.count("promoters");
        stats.detractors = sums.count("detractors");
        for (Dimension d : Dimension.values()) {
            stats.servqualSums[d.ordinal()] = sums.count(SERVQUAL_SUM[d.ordinal()]);
            stats.servqualCounts[d.ordinal()] = sums.count(SERVQUAL_COUNT[d.ordinal()]);
            // Sums saved before key drivers have none of these names: they read as 0.
            stats.withCsat[d.ordinal()] = PairSums.of(sums.count(WITH_CSAT_N[d.ordinal()]), sums.count(WITH_CSAT_SUM_X[d.ordinal()]),
                    sums.count(WITH_CSAT_SUM_Y[d.ordinal()]), sums.count(WITH_CSAT_SUM_XX[d.ordinal()]),
                    sums.count(WITH_CSAT_SUM_YY[d.ordinal()]), sums.count(WITH_CSAT_SUM_XY[d.ordinal()]));
        }
        stats.complaintCount = sums.count("complaints");
        for (String category : sums.suffixes(CATEGORY)) {
            stats.complaintsByCategory.put(category, sums.count(CATEGORY + category));
        }
        stats.fcrKnown = sums.count("fcrKnown");
        stats.fcrResolved = sums.count("fcrResolved");
        stats.resolutionHoursSum = sums.decimalOrZero("hoursSum");
        stats.resolutionHoursCount = sums.count("hoursCount");
        return stats;
    }
}
