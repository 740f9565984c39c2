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
 * warnings.csv, beside summary.csv: every site warning of the review with its history
 * (docs/review.md, Warnings > History), the active ones and those resolved since the previous review.
 * The scope is written as stakeholders write theirs ({@code SITE:<code>}); the subject (criterion or
 * KPI code) is empty for DOWNGRADE and COMPLAINT_SPIKE. By site code; each site's active warnings most
 * severe first, then longest running, then its resolved ones. Codes come from the input files, so text
 * cells are written as in summary.csv.
 */
public final class WarningsCsv {

    public static final List<String> COLUMNS = List.of("scope", "kind", "subject", "severity", "first_period", "periods_running",
            "status");

    /** Severity as a rank, most severe first. */
    private static final String SEVERITY_RANK = "CASE severity WHEN 'SEVERE' THEN 0 WHEN 'MODERATE' THEN 1 ELSE 2 END";
    /** Active warnings, then resolved ones (section 1, then 2), of each site. */
    private static final String SELECT_WARNINGS = """
            SELECT site_code, warning_type, subject, severity, first_period, periods_running, status, 1 AS section,
            %1$s AS severity_rank, position FROM review_warning WHERE period = ? AND revision = ?
            UNION ALL
            SELECT site_code, warning_type, subject, severity, first_period, periods_running, 'RESOLVED', 2,
            %1$s, position FROM review_resolved_warning WHERE period = ? AND revision = ?
            ORDER BY 1, 8, 9, 6 DESC, 10""".formatted(SEVERITY_RANK);

    private WarningsCsv() {
    }

    static Path write(JdbcTemplate jdbc, ReviewRun key, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve("warnings.csv");
        Path temporary = folder.resolve("warnings.csv.tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8); CsvWriter csv = CsvCells.writer().build(out)) {
            csv.writeRecord(COLUMNS);
            jdbc.query(SELECT_WARNINGS, row -> {
                String subject = row.getString(3);
                csv.writeRecord("SITE:" + row.getString(1), row.getString(2), subject == null ? "" : CsvCells.text(subject),
                        row.getString(4), row.getString(5), Integer.toString(row.getInt(6)), row.getString(7));
            }, key.periodText(), key.revision(), key.periodText(), key.revision());
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
