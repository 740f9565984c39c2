package com.qualityreview.review.metrics;

import com.qualityreview.review.rating.MandatoryCriterionStatus;
import com.qualityreview.review.AuditStats;
import com.qualityreview.review.FeedbackStats;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The headline figures of one scope (site, region or organisation) in one period: what the
 * star rating and the warnings look at. Built from the stats with {@link #of}; tests and
 * callers may also build it directly. Empty = no data.
 */
public record ScopeFigures(
        long feedbackCount,
        Optional<BigDecimal> csatMean,
        Optional<BigDecimal> csatSatisfiedPct,
        Optional<BigDecimal> nps,
        long complaintCount,
        Optional<BigDecimal> complaintRatePct,
        Optional<BigDecimal> fcrPct,
        Optional<BigDecimal> resolutionHoursMean,
        long auditCount,
        Optional<BigDecimal> auditScorePct,
        List<KpiResult> kpis,
        List<MandatoryCriterionStatus> mandatoryStatuses,
        Optional<BigDecimal> qualityIndex) {

    public ScopeFigures {
        Objects.requireNonNull(csatMean);
        Objects.requireNonNull(csatSatisfiedPct);
        Objects.requireNonNull(nps);
        Objects.requireNonNull(complaintRatePct);
        Objects.requireNonNull(fcrPct);
        Objects.requireNonNull(resolutionHoursMean);
        Objects.requireNonNull(auditScorePct);
        Objects.requireNonNull(qualityIndex);
        kpis = List.copyOf(kpis);
        mandatoryStatuses = List.copyOf(mandatoryStatuses);
    }

    /**
     * @param criteria all criteria (reference data): every mandatory one gets a status, NOT_ASSESSED if absent
     */
    public static ScopeFigures of(FeedbackStats feedback, AuditStats audits, List<KpiResult> kpis,
                                  Collection<Criterion> criteria, QualityIndexWeights weights) {
        return of(feedback, audits, audits.auditCount(), kpis, criteria, weights);
    }

    /** As {@link #of(FeedbackStats, AuditStats, List, Collection, QualityIndexWeights)}, with the distinct audits counted elsewhere. */
    public static ScopeFigures of(FeedbackStats feedback, AuditStats audits, long auditCount, List<KpiResult> kpis,
                                  Collection<Criterion> criteria, QualityIndexWeights weights) {
        Optional<BigDecimal> qualityIndex = QualityIndex.compute(feedback.csatMean(), feedback.nps(),
                audits.auditScorePct(), kpis, weights);
        return new ScopeFigures(feedback.feedbackCount(), feedback.csatMean(), feedback.csatSatisfiedPct(),
                feedback.nps(), feedback.complaintCount(), feedback.complaintRatePct(), feedback.fcrPct(),
                feedback.resolutionHoursMean(), auditCount, audits.auditScorePct(), kpis,
                audits.mandatoryStatuses(criteria), qualityIndex);
    }

    /** KPI component of the quality index: 100 × KPIs met / KPIs with a value. */
    public Optional<BigDecimal> kpiMetPct() {
        return QualityIndex.kpiComponent(kpis);
    }
}
