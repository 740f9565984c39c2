package com.qualityreview.review;

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
}
