package com.qualityreview.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Files uploaded through the API or the console (and their rejects files beside them) are kept in
 * {@code quality.uploads-dir} for {@code quality.uploads.retention} (30 days) after they were last
 * written, then deleted: uploads hold the organisation's raw data and should not pile up for ever.
 * An import older than that can no longer be restarted (its file is gone).
 */
@Component
public class UploadsRetention {

    private static final Logger log = LoggerFactory.getLogger(UploadsRetention.class);

    private final Path uploadsDir;
    private final Duration retention;
    private final Clock clock;

    UploadsRetention(QualityProperties properties, Clock clock) {
        this.uploadsDir = properties.uploadsDir();
        this.retention = properties.uploads().retention();
        this.clock = clock;
    }

    /** Deletes the uploads last written longer ago than the retention; returns what it deleted. */
    public List<Path> deleteOld() {
        if (!Files.isDirectory(uploadsDir)) {
            return List.of();
        }
        Instant cutOff = clock.instant().minus(retention);
        List<Path> old;
        try (Stream<Path> files = Files.list(uploadsDir)) {
            old = files.filter(Files::isRegularFile).filter(file -> lastWritten(file).isBefore(cutOff)).sorted().toList();
        }
        catch (IOException e) {
            log.warn("cannot list {} to delete old uploads: {}", uploadsDir, CommandException.oneLine(e));
            return List.of();
        }
        List<Path> deleted = old.stream().filter(UploadsRetention::delete).toList();
        if (!deleted.isEmpty()) {
            log.info("deleted {} upload(s) older than {} (quality.uploads.retention) from {}", deleted.size(), retention, uploadsDir);
        }
        return deleted;
    }

    private static Instant lastWritten(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        }
        catch (IOException e) {
            return Instant.MAX;
        }
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        }
        catch (IOException e) {
            log.warn("cannot delete the old upload {}: {}", file, CommandException.oneLine(e));
            return false;
        }
    }
}
