package com.qualityreview.review.job;

import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.Dimension;
import com.qualityreview.review.KpiAggregation;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.KpiDirection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organisation as a review sees it: active sites in code order with their regions, criteria
 * and KPI definitions. Its size grows with the organisation, never with the fact rows.
 */
public record ReviewReference(List<Site> sites, Map<String, String> regionNames, List<Criterion> criteria,
        Map<String, Criterion> criteriaByCode, List<KpiDefinition> kpis, Map<String, KpiDefinition> kpisByCode) {

    private static final String SELECT_REGIONS = """
            SELECT region_code, name FROM region ORDER BY region_code""";
    private static final String SELECT_CRITERIA = """
            SELECT criterion_code, name, dimension, points, mandatory_from_star
            FROM criterion ORDER BY criterion_code""";
    private static final String SELECT_KPI_DEFINITIONS = """
            SELECT kpi_code, name, unit, direction, target, aggregation
            FROM kpi_definition ORDER BY kpi_code""";
    private static final String SELECT_ACTIVE_SITES = """
            SELECT site_code, name, region_code FROM site WHERE active = TRUE ORDER BY site_code""";
    private static final String SELECT_SUMMARISED_SITES = """
            SELECT scope_code, scope_name, region_code FROM review_figures WHERE period = ? AND revision = ?
            AND scope_type = 'SITE' AND period_role = 'CURRENT' ORDER BY scope_code""";

    public record Site(String code, String name, String regionCode) {
    }

    static ReviewReference load(JdbcTemplate jdbc) {
        List<Site> sites = activeSites(jdbc);
        Map<String, String> regions = new LinkedHashMap<>();
        jdbc.query(SELECT_REGIONS, row -> {
            regions.put(row.getString(1), row.getString(2));
        });
        List<Criterion> criteria = jdbc.query(SELECT_CRITERIA, (row, n) -> new Criterion(row.getString(1), row.getString(2),
                Dimension.valueOf(row.getString(3)), row.getInt(4), row.getInt(5)));
        List<KpiDefinition> kpis = jdbc.query(SELECT_KPI_DEFINITIONS, (row, n) -> new KpiDefinition(row.getString(1), row.getString(2),
                row.getString(3), KpiDirection.valueOf(row.getString(4)), row.getBigDecimal(5),
                KpiAggregation.valueOf(row.getString(6))));
        Map<String, Criterion> criteriaByCode = new LinkedHashMap<>();
        criteria.forEach(c -> criteriaByCode.put(c.code(), c));
        Map<String, KpiDefinition> kpisByCode = new LinkedHashMap<>();
        kpis.forEach(k -> kpisByCode.put(k.code(), k));
        return new ReviewReference(sites, regions, criteria, criteriaByCode, kpis, kpisByCode);
    }

    static List<Site> activeSites(JdbcTemplate jdbc) {
        return jdbc.query(SELECT_ACTIVE_SITES, (row, n) -> new Site(row.getString(1), row.getString(2), row.getString(3)));
    }

    /**
     * The sites a review has summarised so far (all of them once the summarise step is done), with
     * the names and regions they were summarised with, in code order.
     */
    static List<Site> summarisedSites(JdbcTemplate jdbc, ReviewRun key) {
        return jdbc.query(SELECT_SUMMARISED_SITES, (row, n) -> new Site(row.getString(1), row.getString(2), row.getString(3)),
                key.periodText(), key.revision());
    }
}
