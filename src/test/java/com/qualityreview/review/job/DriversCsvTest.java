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

/** drivers.csv as a spreadsheet opens it, in the order of the reports: organisation, regions, sites, each by rank. */
class DriversCsvTest {

    @TempDir
    Path folder;

    @Test
    void scopesComeInOrderEachByRankCodesAreTextAndNoCorrelationIsAnEmptyField() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(new JDBCDriver(),
                "jdbc:hsqldb:mem:drivers-csv-" + UUID.randomUUID(), "SA", ""));
        jdbc.execute("CREATE TABLE review_driver (period VARCHAR(16), revision INTEGER, scope_type VARCHAR(8), scope_code VARCHAR(64),"
                + " dimension VARCHAR(16), pair_count BIGINT, r DECIMAL(24, 10), r_low DECIMAL(24, 10), r_high DECIMAL(24, 10),"
                + " mean_score DECIMAL(24, 10), quadrant VARCHAR(24), importance_rank INTEGER)");
        String insert = "INSERT INTO review_driver VALUES ('2026-10', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.update(insert, "SITE", "@SUM(1+1)", "EMPATHY", 120, new BigDecimal("-0.1234567891"), new BigDecimal("-0.3"),
                new BigDecimal("0.0000004"), new BigDecimal("3.5"), "LOW_PRIORITY", 2);
        jdbc.update(insert, "SITE", "@SUM(1+1)", "TANGIBLES", 120, new BigDecimal("0.5"), new BigDecimal("0.35"),
                new BigDecimal("0.62"), new BigDecimal("4"), "KEEP_UP_THE_GOOD_WORK", 1);
        jdbc.update(insert, "REGION", "R1", "RELIABILITY", 7, null, null, null, new BigDecimal("2.5"), null, 1);
        jdbc.update(insert, "ORG", "ORG", "ASSURANCE", 300, new BigDecimal("0.9"), new BigDecimal("0.87"), new BigDecimal("0.92"),
                new BigDecimal("4.25"), "CONCENTRATE_HERE", 1);
        jdbc.update("INSERT INTO review_driver VALUES ('2026-10', 2, 'ORG', 'ORG', 'ASSURANCE', 1, NULL, NULL, NULL, 1, NULL, 1)");

        Path drivers = DriversCsv.write(jdbc, new ReviewRun(Period.parse("2026-10"), 1, ZoneOffset.UTC), folder);

        assertThat(drivers).hasFileName("drivers.csv");
        assertThat(Files.readAllLines(drivers)).containsExactly(String.join(",", DriversCsv.COLUMNS),
                "ORG,ORG,ASSURANCE,300,0.900000,0.870000,0.920000,4.250000,CONCENTRATE_HERE",
                "REGION,R1,RELIABILITY,7,,,,2.500000,",
                "SITE,\"'@SUM(1+1)\",TANGIBLES,120,0.500000,0.350000,0.620000,4.000000,KEEP_UP_THE_GOOD_WORK",
                "SITE,\"'@SUM(1+1)\",EMPATHY,120,-0.123457,-0.300000,0.000000,3.500000,LOW_PRIORITY");
    }
}
