package com.qualityreview.intake.job;

import com.qualityreview.intake.ImportCounts;
import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.Imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The inbound folder: every {@code <kind>*.csv} is imported, reference data first, and moved to
 * {@code processed/} (with its rejects file) or {@code failed/}. A file modified within the settle
 * time is taken to be still being written and is left for the next scan.
 */
final class InboundScan {

    private static final Logger log = LoggerFactory.getLogger(InboundScan.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /** What happened to one file. */
    record Result(String file, String outcome, String detail) {
    }

    private final Imports imports;
    private final Path folder;
    private final Duration settleTime;
    private final Clock clock;

    InboundScan(Imports imports, Path folder, Duration settleTime, Clock clock) {
        this.imports = imports;
        this.folder = folder;
        this.settleTime = settleTime;
        this.clock = clock;
    }

    List<Result> scan() throws Exception {
        List<Result> results = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return results;
        }
        List<Candidate> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                kindOf(file.getFileName().toString()).ifPresent(kind -> candidates.add(new Candidate(file, kind)));
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.kind().ordinal()).thenComparing(c -> c.file().getFileName().toString()));
        Instant settledBefore = clock.instant().minus(settleTime);
        for (Candidate candidate : candidates) {
            Path file = candidate.file();
            String name = file.getFileName().toString();
            if (Files.getLastModifiedTime(file).toInstant().isAfter(settledBefore)) {
                results.add(new Result(name, "WAITING", "modified less than " + settleTime.toSeconds() + " s ago; left for the next scan"));
                continue;
            }
            JobExecution execution = imports.run(candidate.kind(), file);
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                Path target = move(file, "processed");
                Path rejects = RejectsFile.pathFor(file);
                if (Files.exists(rejects)) {
                    Files.move(rejects, RejectsFile.pathFor(target), StandardCopyOption.REPLACE_EXISTING);
                }
                results.add(new Result(name, "PROCESSED", imports.counts(execution).map(ImportCounts::toString).orElse("")));
            }
            else {
                move(file, "failed");
                results.add(new Result(name, "FAILED", imports.failureMessage(execution)));
            }
        }
        results.forEach(result -> log.info("inbound {}: {} {}", result.file(), result.outcome(), result.detail()));
        return results;
    }

    /** {@code <kind>*.csv} for the longest matching kind name; rejects files are never inputs. */
    static Optional<ImportKind> kindOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") || name.endsWith(".rejects.csv")) {
            return Optional.empty();
        }
        return Arrays.stream(ImportKind.values()).filter(kind -> name.startsWith(kind.fileName()))
                .max(Comparator.comparingInt(kind -> kind.fileName().length()));
    }

    /** Into the sub-folder; a name taken by an earlier file gets the time appended. */
    private Path move(Path file, String subFolder) {
        try {
            Path dir = Files.createDirectories(folder.resolve(subFolder));
            Path target = dir.resolve(file.getFileName());
            if (Files.exists(target)) {
                target = dir.resolve(file.getFileName() + "." + STAMP.format(clock.instant()));
            }
            return Files.move(file, target);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + subFolder + "/: " + e.getMessage(), e);
        }
    }

    private record Candidate(Path file, ImportKind kind) {
    }
}
