package com.qualityreview.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.qualityreview.reporting.pdf.ReportRendering;
import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.ReviewRuns;
import com.qualityreview.system.NotFoundException;
import com.qualityreview.system.QualityProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The files a review wrote ({@code <reports-dir>/<period>/r<revision>/}): listed with the scope of
 * each report, one found by name, and the report of a scope. Rendering records each report's scope
 * and language in {@code report_file}; other features find a scope's file there, never by
 * rebuilding its name.
 */
@Component
public class ReportFiles {

    // A report file's name is a plain name: no folders, so a request can never leave the review's folder.
    // '~' joins a readable code to its hash (ReportFileName).
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]*");

    private static final String SELECT_FILE_OF_SCOPE = """
            SELECT file_name FROM report_file WHERE period = ? AND revision = ? AND scope_type = ?
            AND scope_code = ? AND locale = ?""";
    private static final String DELETE_FILES_OF_SCOPE = """
            DELETE FROM report_file WHERE period = ? AND revision = ? AND scope_type = ? AND scope_code = ?""";
    private static final String INSERT_FILE = """
            INSERT INTO report_file (period, revision, file_name, scope_type, scope_code, locale, bytes, rendered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT_FILES = """
            SELECT file_name, scope_type, scope_code, locale FROM report_file WHERE period = ? AND revision = ?""";

    private final ReviewRuns runs;
    private final Path reportsDir;
    private final JdbcTemplate jdbc;

    ReportFiles(ReviewRuns runs, QualityProperties properties, JdbcTemplate jdbc) {
        this.runs = runs;
        this.reportsDir = properties.reportsDir();
        this.jdbc = jdbc;
    }

    public record Revision(String period, int revision, String status, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, List<ReportFile> files) {
    }

    /** A file of a review; scope and locale are null for summary.csv, warnings.csv and ranking.csv, and for files rendered before they were recorded. */
    public record ReportFile(String name, String scopeType, String scopeCode, String locale, long bytes, String url) {
    }

    /** The name of the report rendering wrote for a scope in a language, if it did. */
    public Optional<String> fileOf(Period period, int revision, String scopeType, String scopeCode, Locale locale) {
        return jdbc.queryForList(SELECT_FILE_OF_SCOPE, String.class, period.toString(), revision, scopeType, scopeCode,
                locale.toLanguageTag()).stream().findFirst();
    }

    /**
     * Replaces what a revision's rendering recorded for {@code scopes} (a re-run renders every
     * report of its scopes again) and leaves the other scopes' rows alone: those are another render
     * partition's.
     */
    public void record(Period period, int revision, List<ReviewResults.ScopeKey> scopes, List<ReportRendering.RenderedReport> reports) {
        jdbc.batchUpdate(DELETE_FILES_OF_SCOPE, scopes.stream()
                .map(scope -> new Object[] {period.toString(), revision, scope.type(), scope.code()}).toList());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.batchUpdate(INSERT_FILE, reports.stream().map(report -> new Object[] {period.toString(), revision,
                report.file().getFileName().toString(), report.scopeType(), report.scopeCode(), report.locale().toLanguageTag(),
                size(report.file()), now}).toList());
    }

    public List<Revision> list(Optional<Period> period) {
        return runs.list(period).stream().map(run -> new Revision(run.period(), run.revision(), run.status(), run.startedAt(),
                run.finishedAt(), files(run.period(), run.revision()))).toList();
    }

    /** The file, or NotFoundException when there is no such review file. */
    public Path file(Period period, int revision, String name) {
        Path file = PLAIN_NAME.matcher(name).matches() ? ReviewRun.folder(reportsDir, period, revision).resolve(name) : null;
        if (file == null || !Files.isRegularFile(file)) {
            throw new NotFoundException("there is no file '" + name + "' in the review of " + period + " revision " + revision);
        }
        return file;
    }

    private record Scope(String type, String code, String locale) {
    }

    private List<ReportFile> files(String period, int revision) {
        Path folder = ReviewRun.folder(reportsDir, Period.parse(period), revision);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Map<String, Scope> scopes = new HashMap<>();
        jdbc.query(SELECT_FILES,
                (RowCallbackHandler) row -> scopes.put(row.getString("file_name"),
                        new Scope(row.getString("scope_type"), row.getString("scope_code"), row.getString("locale"))),
                period, revision);
        Scope none = new Scope(null, null, null);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().map(file -> {
                String name = file.getFileName().toString();
                Scope scope = scopes.getOrDefault(name, none);
                return new ReportFile(name, scope.type(), scope.code(), scope.locale(), size(file),
                        "/api/reports/" + period + "/r" + revision + "/" + name);
            }).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            return -1;
        }
    }
}
