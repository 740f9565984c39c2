package com.qualityreview.review;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Synthetic data for the benchmarks, generated inside PostgreSQL: a month (2026-10) of feedback
 * over the given sites in 20 regions, a tenth as many audit items (ten per audit) and a twentieth as
 * many KPI rows.
 */
public final class BenchmarkData {

    private BenchmarkData() {
    }

    /** Rows spread evenly over the sites; every twentieth feedback row has resolution hours. */
    public static void load(JdbcTemplate jdbc, long feedback, int sites) {
        load(jdbc, feedback, sites, 0, "CASE WHEN g % 20 = 0 THEN (g % 97) / 4.0 END");
    }

    /**
     * Site S0000 holds {@code percent} % of the feedback rows and of the audits, the other sites share
     * the rest evenly, and every feedback row has resolution hours: the largest site's values and
     * audits are what a review could be tempted to hold in memory.
     */
    public static void loadSkewed(JdbcTemplate jdbc, long feedback, int sites, int percent) {
        load(jdbc, feedback, sites, percent, "(g % 100003) / 100.0");
    }

    /** Empties the reference and fact tables, for another load into the same database. */
    public static void clear(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE feedback, audit_item, kpi_measurement, kpi_definition, criterion, site, region");
    }

    private static void load(JdbcTemplate jdbc, long feedback, int sites, int percent, String resolutionHours) {
        long auditItems = feedback / 10;
        long kpiRows = feedback / 20;
        long start = System.nanoTime();
        jdbc.update("INSERT INTO region SELECT 'R' || g, 'Region ' || g FROM generate_series(0, 19) g");
        jdbc.update("INSERT INTO site SELECT 'S' || lpad(g::text, 4, '0'), 'Site ' || g, 'R' || (g % 20), TRUE"
                + " FROM generate_series(0, " + (sites - 1) + ") g");
        jdbc.update("INSERT INTO criterion SELECT 'C' || g, 'Criterion ' || g, 'TANGIBLES', 1 + g % 5, CASE WHEN g < 2 THEN 3 ELSE 0 END"
                + " FROM generate_series(0, 9) g");
        jdbc.update("INSERT INTO kpi_definition VALUES ('WAIT', 'Wait', 'min', 'LOWER_BETTER', 10, 'MEAN'),"
                + " ('SALES', 'Sales', 'CNY', 'HIGHER_BETTER', 1000, 'SUM'), ('TURNOVER', 'Turnover', '%', 'LOWER_BETTER', 5, 'LAST')");
        jdbc.update("INSERT INTO feedback SELECT 'F' || g, " + site("g", sites, percent) + ","
                + " TIMESTAMPTZ '2026-10-01 00:00:00+00' + (g % 2678400) * INTERVAL '1 second', 'SURVEY',"
                + " CASE WHEN g % 7 = 0 THEN NULL ELSE 1 + g % 5 END, g % 11, 1 + g % 5, 1 + g % 4, 2 + g % 4, 1 + g % 5, 3 + g % 3,"
                + " g % 20 = 0, CASE WHEN g % 20 = 0 THEN 'CAT' || (g % 6) END, CASE WHEN g % 3 = 0 THEN NULL ELSE g % 2 = 0 END,"
                + " " + resolutionHours + ", CASE WHEN g % 3 = 0 THEN 'Quick service, friendly staff 服务很好 #' || g END"
                + " FROM generate_series(1, " + feedback + ") g");
        jdbc.update("INSERT INTO audit_item SELECT 'A' || (g / 10), 'C' || (g % 10), " + site("(g / 10)", sites, percent) + ","
                + " DATE '2026-10-01' + (g % 31), 'INTERNAL', 'Auditor', CASE WHEN g % 9 = 0 THEN 'FAIL' WHEN g % 13 = 0 THEN 'NA' ELSE 'PASS' END"
                + " FROM generate_series(0, " + (auditItems - 1) + ") g");
        jdbc.update("INSERT INTO kpi_measurement SELECT 'S' || lpad((g % " + sites + ")::text, 4, '0'),"
                + " CASE g % 3 WHEN 0 THEN 'WAIT' WHEN 1 THEN 'SALES' ELSE 'TURNOVER' END, DATE '2026-10-01' + (g / (" + sites + " * 3)) % 31,"
                + " (g % 1000) / 10.0 FROM generate_series(0, " + (kpiRows - 1) + ") g ON CONFLICT DO NOTHING");
        jdbc.execute("ANALYZE");
        System.out.printf("BENCHMARK data: %,d feedback, %,d audit items, %,d KPI rows over %,d sites%s loaded in %.0f s%n",
                feedback, auditItems, kpiRows, sites, percent == 0 ? "" : " (" + percent + " % of the feedback and audits at S0000)",
                (System.nanoTime() - start) / 1e9);
    }

    /** The site code of row {@code n}: evenly spread, or S0000 for {@code percent} in 100 rows and the others evenly. */
    private static String site(String n, int sites, int percent) {
        String spread = percent == 0 ? n + " % " + sites : "CASE WHEN " + n + " % 100 < " + percent + " THEN 0 ELSE 1 + " + n + " % "
                + (sites - 1) + " END";
        return "'S' || lpad((" + spread + ")::text, 4, '0')";
    }
}
