package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Weights of the quality index components. They need not sum to 1: only the weights of the
 * available components are used, rescaled to sum to 1. Each weight must be ≥ 0 and at least one &gt; 0.
 */
public record QualityIndexWeights(BigDecimal csat, BigDecimal nps, BigDecimal audit, BigDecimal kpi) {

    public static final QualityIndexWeights DEFAULT = new QualityIndexWeights(
            new BigDecimal("0.35"), new BigDecimal("0.15"), new BigDecimal("0.30"), new BigDecimal("0.20"));

    public QualityIndexWeights {
        check("csat", csat);
        check("nps", nps);
        check("audit", audit);
        check("kpi", kpi);
        if (csat.add(nps).add(audit).add(kpi).signum() == 0) {
            throw new IllegalArgumentException("quality index weights: at least one must be > 0");
        }
    }

    private static void check(String name, BigDecimal w) {
        Objects.requireNonNull(w, "quality index weight " + name);
        if (w.signum() < 0) {
            throw new IllegalArgumentException("quality index weight " + name + " must be >= 0, got " + w);
        }
    }
}
