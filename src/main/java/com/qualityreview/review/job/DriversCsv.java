package com.qualityreview.review.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.qualityreview.review.ReviewRun;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * drivers.csv, beside summary.csv and with its conventions (docs/review.md, Key drivers): per scope
 * and SERVQUAL dimension, the rows with both values, r with its 95 % interval, the mean and the
 * quadrant; numbers with 6 decimals, "too few rows" (no r) as empty fields. The organisation first,
 * then the regions, then the sites with key drivers, by code; within a scope by importance rank.
 */
public final class DriversCsv {

    public static final List<String> COLUMNS = List.of("scope_type", "scope_code", "dimension", "n", "r", "r_low", "r_high", "mean",
            "quadrant");

    private static final String SELECT_DRIVERS = """
            SELECT scope_type, scope_code, dimension, pair_count, r, r_low, r_high, mean_score, quadrant FROM review_driver
            WHERE period = ? AND revision = ?
            ORDER BY CASE scope_type WHEN 'ORG' THEN 0 WHEN 'REGION' THEN 1 ELSE 2 END, scope_code, importance_rank""";

    private DriversCsv() {
    }

    static Path write(JdbcTemplate jdbc, ReviewRun key, Path folder) throws IOException {
        return SummaryCsv.write(jdbc, folder, "drivers.csv", COLUMNS, SELECT_DRIVERS, key.periodText(), key.revision());
    }
}
