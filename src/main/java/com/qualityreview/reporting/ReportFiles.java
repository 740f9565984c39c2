package com.qualityreview.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRuns;
import com.qualityreview.system.NotFoundException;
import com.qualityreview.system.QualityProperties;

import org.springframework.stereotype.Component;

/** The files a review wrote ({@code <reports-dir>/<period>/r<revision>/}): listed, and one found by name. */
@Component
public class ReportFiles {

    // A report file's name is a plain name: no folders, so a request can never leave the review's folder.
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final ReviewRuns runs;
    private final Path reportsDir;

    ReportFiles(ReviewRuns runs, QualityProperties properties) {
        this.runs = runs;
        this.reportsDir = properties.reportsDir();
    }

    public record Revision(String period, int revision, String status, java.time.OffsetDateTime startedAt,
            java.time.OffsetDateTime finishedAt, List<ReportFile> files) {
    }

    public record ReportFile(String name, long bytes, String url) {
    }

    public List<Revision> list(Optional<Period> period) {
        return runs.list(period).stream().map(run -> new Revision(run.period(), run.revision(), run.status(), run.startedAt(),
                run.finishedAt(), files(run.period(), run.revision()))).toList();
    }

    /** The file, or NotFoundException when there is no such review file. */
    public Path file(Period period, int revision, String name) {
        Path file = PLAIN_NAME.matcher(name).matches() ? folder(period.toString(), revision).resolve(name) : null;
        if (file == null || !Files.isRegularFile(file)) {
            throw new NotFoundException("there is no file '" + name + "' in the review of " + period + " revision " + revision);
        }
        return file;
    }

    private List<ReportFile> files(String period, int revision) {
        Path folder = folder(period, revision);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().map(file -> new ReportFile(file.getFileName().toString(),
                    size(file), "/api/reports/" + period + "/r" + revision + "/" + file.getFileName())).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path folder(String period, int revision) {
        return reportsDir.resolve(period).resolve("r" + revision);
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
