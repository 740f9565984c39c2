package com.qualityreview.review;

import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.KpiResult;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.review.metrics.ScopeFigures;
import com.qualityreview.review.metrics.Sums;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The additive statistics of one scope and period: feedback, audits and KPIs. Site statistics
 * merge into region and organisation statistics, so roll-ups are computed from the underlying
 * rows' sums and counts, never from averages of averages.
 */
public final class ScopeStats implements Serializable {

    // The identifier the class had when reviews saved it whole (version 1 execution contexts), kept so
    // that those contexts still load; reviews now save its sums (see #writeSums).
    private static final long serialVersionUID = 1567045315150580228L;

    private final FeedbackStats feedback = new FeedbackStats();
    private final AuditStats audits = new AuditStats();
    private final Map<String, KpiStats> kpis = new LinkedHashMap<>();

    public FeedbackStats feedback() {
        return feedback;
    }

    public AuditStats audits() {
        return audits;
    }

    public KpiStats kpi(KpiDefinition definition) {
        return kpis.computeIfAbsent(definition.code(), code -> new KpiStats(definition));
    }

    /** One result per KPI definition, "no data" where the scope has no rows of it. */
    public List<KpiResult> kpiResults(List<KpiDefinition> definitions) {
        List<KpiResult> results = new ArrayList<>(definitions.size());
        for (KpiDefinition definition : definitions) {
            KpiStats stats = kpis.get(definition.code());
            results.add(stats == null ? new KpiStats(definition).result() : stats.result());
        }
        return results;
    }

    public ScopeStats merge(ScopeStats other) {
        feedback.merge(other.feedback);
        audits.merge(other.audits);
        for (Map.Entry<String, KpiStats> entry : other.kpis.entrySet()) {
            KpiStats mine = kpis.get(entry.getKey());
            if (mine == null) {
                mine = new KpiStats(entry.getValue().definition());
                kpis.put(entry.getKey(), mine);
            }
            mine.merge(entry.getValue());
        }
        return this;
    }

    public ScopeFigures figures(List<KpiDefinition> kpiDefinitions, List<Criterion> criteria, QualityIndexWeights weights) {
        return ScopeFigures.of(feedback, audits, kpiResults(kpiDefinitions), criteria, weights);
    }

    /** The figures with the scope's distinct audits counted elsewhere (by the database), not from ids held here. */
    public ScopeFigures figures(List<KpiDefinition> kpiDefinitions, List<Criterion> criteria, QualityIndexWeights weights,
            long auditCount) {
        return ScopeFigures.of(feedback, audits, auditCount, kpiResults(kpiDefinitions), criteria, weights);
    }

    /** Saves a roll-up's sums and counts: feedback, audit points and KPIs (see {@link Sums}). */
    public void writeSums(Sums sums) {
        feedback.writeSums(sums);
        audits.writeSums(sums);
        kpis.values().forEach(kpi -> kpi.writeSums(sums));
    }

    /**
     * The roll-up {@link #writeSums} saved. A KPI no longer defined is left out, as the review leaves
     * out the rows of one (its figures list the defined KPIs only).
     */
    public static ScopeStats readSums(Sums sums, Map<String, KpiDefinition> kpiDefinitions) {
        ScopeStats stats = new ScopeStats();
        stats.feedback.merge(FeedbackStats.readSums(sums));
        stats.audits.merge(AuditStats.readSums(sums));
        for (String code : KpiStats.savedCodes(sums)) {
            KpiDefinition definition = kpiDefinitions.get(code);
            if (definition != null) {
                stats.kpis.put(code, KpiStats.readSums(sums, definition));
            }
        }
        return stats;
    }
}
