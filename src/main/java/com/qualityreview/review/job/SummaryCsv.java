package com.qualityreview.review.job;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * summary.csv (SPEC section 8): the figures behind the reports, one row per scope (organisation,
 * regions, sites), numbers with 6 decimals, "no data" as an empty field. After the columns SPEC
 * requires, {@code data_incomplete}: a site's reason (NO_ROWS, LOW_VOLUME; empty when complete), a
 * region's or the organisation's number of such sites. Codes come from the input
 * files, so text cells are written so that a spreadsheet shows them rather than runs them.
 */
public final class SummaryCsv {

    public static final List<String> COLUMNS = List.of("scope_type", "scope_code", "period", "feedback_count", "csat_mean",
            "csat_satisfied_pct", "nps", "reliability_mean", "responsiveness_mean", "assurance_mean", "empathy_mean",
            "tangibles_mean", "complaint_count", "complaint_rate_pct", "fcr_pct", "resolution_hours_mean",
            "resolution_hours_median", "audit_count", "audit_score_pct", "quality_index", "rating", "data_incomplete");
    static final int DECIMALS = 6;

    /** A site's reason, or a region's or the organisation's count of incomplete sites. */
    private static final String DATA_INCOMPLETE = "COALESCE(data_incomplete, CAST(incomplete_sites AS VARCHAR(20)))";

    /** %s: the figures' columns, after the first three. The organisation first, then the regions, then the sites. */
    private static final String SELECT_FIGURES = """
            SELECT scope_type, scope_code, period, %s FROM review_figures
            WHERE period = ? AND revision = ? AND period_role = 'CURRENT'
            ORDER BY CASE scope_type WHEN 'ORG' THEN 0 WHEN 'REGION' THEN 1 ELSE 2 END, scope_code""";

    private SummaryCsv() {
    }

    /** A stored value as a cell: no data empty, numbers with {@link #DECIMALS} decimals, text safe for spreadsheets. */
    static String cell(Object value) {
        return value == null ? "" : value instanceof BigDecimal decimal
                ? decimal.setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString()
                : value instanceof String text ? CsvCells.text(text) : value.toString();
    }

    static Path write(JdbcTemplate jdbc, ReviewRun key, Path folder) throws IOException {
        String columns = String.join(", ", COLUMNS.subList(3, COLUMNS.size() - 1)) + ", " + DATA_INCOMPLETE;
        return write(jdbc, folder, "summary.csv", COLUMNS, SELECT_FIGURES.formatted(columns), key.periodText(), key.revision());
    }

    /**
     * A review's CSV file (summary.csv, ranking.csv): the header, then one record per row of the
     * query, cell by cell in these conventions. Written beside and moved into place, so that a
     * reader never sees half a file, and a step run again replaces it whole.
     */
    static Path write(JdbcTemplate jdbc, Path folder, String fileName, List<String> header, String query, Object... arguments)
            throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        Path temporary = folder.resolve(fileName + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8); CsvWriter csv = CsvCells.writer().build(out)) {
            csv.writeRecord(header);
            jdbc.query(query, row -> {
                String[] fields = new String[header.size()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = cell(row.getObject(i + 1));
                }
                csv.writeRecord(fields);
            }, arguments);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
