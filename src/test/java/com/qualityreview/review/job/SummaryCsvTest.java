package com.qualityreview.review.job;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRun;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.UUID;

import org.hsqldb.jdbc.JDBCDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** summary.csv as a spreadsheet opens it: codes from the input are text, never formulas; numbers stay numbers. */
class SummaryCsvTest {

    @TempDir
    Path folder;

    @Test
    void aScopeCodeThatLooksLikeAFormulaIsWrittenAsTextAndANegativeNpsStaysANumber() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(new JDBCDriver(),
                "jdbc:hsqldb:mem:summary-csv-" + UUID.randomUUID(), "SA", ""));
        StringBuilder columns = new StringBuilder("period VARCHAR(16), revision INTEGER, period_role VARCHAR(8)");
        for (String column : SummaryCsv.COLUMNS) {
            if (!column.equals("period")) {
                columns.append(", ").append(column).append(column.equals("scope_type") || column.equals("scope_code")
                        || column.equals("rating") || column.equals("data_incomplete") ? " VARCHAR(64)" : column.endsWith("_count") ? " BIGINT" : " DECIMAL(24, 10)");
            }
        }
        jdbc.execute("CREATE TABLE review_figures (" + columns + ", incomplete_sites BIGINT)");
        jdbc.update("INSERT INTO review_figures (period, revision, period_role, scope_type, scope_code, feedback_count,"
                + " complaint_count, audit_count, nps, rating) VALUES ('2026-10', 1, 'CURRENT', 'SITE', ?, 4, 0, 0, ?, ?)",
                "@SUM(1+1)", new BigDecimal("-8.5"), "-1+2");
        jdbc.update("INSERT INTO review_figures (period, revision, period_role, scope_type, scope_code, feedback_count,"
                + " complaint_count, audit_count, nps, rating) VALUES ('2026-10', 1, 'CURRENT', 'SITE', ?, 2, 0, 0, ?, '3')",
                "S-2", new BigDecimal("-100"));

        Path summary = SummaryCsv.write(jdbc, new ReviewRun(Period.parse("2026-10"), 1, ZoneOffset.UTC), folder);

        assertThat(Files.readAllLines(summary)).containsExactly(String.join(",", SummaryCsv.COLUMNS),
                "SITE,\"'@SUM(1+1)\",2026-10,4,,,-8.500000,,,,,,0,,,,,0,,,\"'-1+2\",",
                "SITE,S-2,2026-10,2,,,-100.000000,,,,,,0,,,,,0,,,3,");
    }
}
