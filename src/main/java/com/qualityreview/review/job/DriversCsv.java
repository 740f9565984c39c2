package com.qualityreview.review.job;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.qualityreview.review.ReviewRun;
import com.qualityreview.system.CsvCells;

import de.siegmar.fastcsv.writer.CsvWriter;

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
        Files.createDirectories(folder);
        Path target = folder.resolve("drivers.csv");
        Path temporary = folder.resolve("drivers.csv.tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8); CsvWriter csv = CsvCells.writer().build(out)) {
            csv.writeRecord(COLUMNS);
            jdbc.query(SELECT_DRIVERS, row -> {
                String[] fields = new String[COLUMNS.size()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = SummaryCsv.cell(row.getObject(i + 1));
                }
                csv.writeRecord(fields);
            }, key.periodText(), key.revision());
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
