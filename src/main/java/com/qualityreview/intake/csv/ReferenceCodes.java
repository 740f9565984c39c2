package com.qualityreview.intake.csv;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The codes fact rows may refer to, loaded once per import step. Their number grows with the
 * organisation (sites, criteria, KPIs), never with the number of fact rows.
 */
public record ReferenceCodes(Set<String> sites, Set<String> criteria, Set<String> kpis) {

    private static final String SELECT_SITE_CODES = """
            SELECT site_code FROM site""";
    private static final String SELECT_CRITERION_CODES = """
            SELECT criterion_code FROM criterion""";
    private static final String SELECT_KPI_CODES = """
            SELECT kpi_code FROM kpi_definition""";

    public static ReferenceCodes load(JdbcTemplate jdbc) {
        return new ReferenceCodes(codes(jdbc, SELECT_SITE_CODES), codes(jdbc, SELECT_CRITERION_CODES), codes(jdbc, SELECT_KPI_CODES));
    }

    private static Set<String> codes(JdbcTemplate jdbc, String sql) {
        Set<String> codes = new HashSet<>();
        jdbc.query(sql, row -> {
            codes.add(row.getString(1));
        });
        return codes;
    }
}
