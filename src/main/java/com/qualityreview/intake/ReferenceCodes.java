package com.qualityreview.intake;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The codes fact rows may refer to, loaded once per import step. Their number grows with the
 * organisation (sites, criteria, KPIs), never with the number of fact rows.
 */
record ReferenceCodes(Set<String> sites, Set<String> criteria, Set<String> kpis) {

    static ReferenceCodes load(JdbcTemplate jdbc) {
        return new ReferenceCodes(codes(jdbc, "SELECT site_code FROM site"),
                codes(jdbc, "SELECT criterion_code FROM criterion"),
                codes(jdbc, "SELECT kpi_code FROM kpi_definition"));
    }

    private static Set<String> codes(JdbcTemplate jdbc, String sql) {
        Set<String> codes = new HashSet<>();
        jdbc.query(sql, row -> {
            codes.add(row.getString(1));
        });
        return codes;
    }
}
