package com.qualityreview.review.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.qualityreview.review.ReviewRun;

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
            SELECT 'SITE:' || site_code, warning_type, subject, severity, first_period, periods_running, status, 1 AS section,
            %1$s AS severity_rank, position, site_code FROM review_warning WHERE period = ? AND revision = ?
            UNION ALL
            SELECT 'SITE:' || site_code, warning_type, subject, severity, first_period, periods_running, 'RESOLVED', 2,
            %1$s, position, site_code FROM review_resolved_warning WHERE period = ? AND revision = ?
            ORDER BY 11, 8, 9, 6 DESC, 10""".formatted(SEVERITY_RANK);

    private WarningsCsv() {
    }

    static Path write(JdbcTemplate jdbc, ReviewRun key, Path folder) throws IOException {
        return SummaryCsv.write(jdbc, folder, "warnings.csv", COLUMNS, SELECT_WARNINGS, key.periodText(), key.revision(),
                key.periodText(), key.revision());
    }
}
