package com.qualityreview.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The six demo CSV files written by {@link DemoData#writeTo}. The components are in import
 * order: reference data first (sites, criteria, KPI definitions), then the facts (feedback,
 * audits, KPI measurements).
 */
public record DemoFiles(Path sites, Path criteria, Path kpiDefinitions, Path feedback, Path audits, Path kpis) {

    public DemoFiles {
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(kpiDefinitions, "kpiDefinitions");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(audits, "audits");
        Objects.requireNonNull(kpis, "kpis");
    }

    /** All six paths in import order. */
    public List<Path> inImportOrder() {
        return List.of(sites, criteria, kpiDefinitions, feedback, audits, kpis);
    }
}
