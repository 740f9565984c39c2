package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Quality index 0–100: weighted mean of the available components
 * CSAT = (csat_mean − 1) / 4 × 100, NPS = (nps + 100) / 2, AUDIT = audit_score_pct,
 * KPI = 100 × KPIs met / KPIs with a value. A missing component is left out and the other
 * weights are rescaled to sum to 1; no component (or only zero-weight ones) = no data.
 */
public final class QualityIndex {

    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private QualityIndex() {
    }

    public static Optional<BigDecimal> csatComponent(Optional<BigDecimal> csatMean) {
        return csatMean.map(m -> m.subtract(BigDecimal.ONE).multiply(Numbers.HUNDRED).divide(FOUR, Numbers.MC));
    }

    public static Optional<BigDecimal> npsComponent(Optional<BigDecimal> nps) {
        return nps.map(n -> n.add(Numbers.HUNDRED).divide(TWO, Numbers.MC));
    }

    /** 100 × KPIs met / KPIs with a value; no data when no KPI has a value. */
    public static Optional<BigDecimal> kpiComponent(List<KpiResult> kpis) {
        long withValue = kpis.stream().filter(KpiResult::hasValue).count();
        long met = kpis.stream().filter(KpiResult::met).count();
        return Numbers.percent(met, withValue);
    }

    public static Optional<BigDecimal> compute(Optional<BigDecimal> csatMean, Optional<BigDecimal> nps,
                                               Optional<BigDecimal> auditScorePct, List<KpiResult> kpis,
                                               QualityIndexWeights weights) {
        return fromComponents(csatComponent(csatMean), npsComponent(nps), auditScorePct, kpiComponent(kpis), weights);
    }

    /** Weighted mean of the present components (each already on the 0–100 scale). */
    public static Optional<BigDecimal> fromComponents(Optional<BigDecimal> csat, Optional<BigDecimal> nps,
                                                      Optional<BigDecimal> audit, Optional<BigDecimal> kpi,
                                                      QualityIndexWeights weights) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weightSum = BigDecimal.ZERO;
        BigDecimal[] w = {weights.csat(), weights.nps(), weights.audit(), weights.kpi()};
        List<Optional<BigDecimal>> c = List.of(csat, nps, audit, kpi);
        for (int i = 0; i < 4; i++) {
            if (c.get(i).isPresent()) {
                weighted = weighted.add(w[i].multiply(c.get(i).get()));
                weightSum = weightSum.add(w[i]);
            }
        }
        if (weightSum.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(weighted.divide(weightSum, Numbers.MC));
    }
}
