package com.qualityreview.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.qualityreview.system.BackgroundJobs;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** Starts imports for other features (demo, inbound scan, API) and reads their outcome. */
@Component
public class Imports {

    private static final DateTimeFormatter UPLOAD_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final JobOperator jobOperator;
    private final BackgroundJobs backgroundJobs;
    private final Job importJob;
    private final Path uploadsDir;

    Imports(JobOperator jobOperator, BackgroundJobs backgroundJobs, Job importJob, QualityProperties properties) {
        this.jobOperator = jobOperator;
        this.backgroundJobs = backgroundJobs;
        this.importJob = importJob;
        this.uploadsDir = properties.uploadsDir();
    }

    /** Runs the import of one file to its end (or failure). */
    public JobExecution run(ImportKind kind, Path file) throws Exception {
        return jobOperator.start(importJob, new ImportRequest(kind, file).toJobParameters());
    }

    /**
     * Keeps an uploaded file in {@code quality.uploads-dir} (its rejects file goes beside it) and
     * starts its import in the background; returns as soon as the execution exists.
     */
    public JobExecution startUpload(ImportKind kind, String originalName, InputStream content) throws Exception {
        Files.createDirectories(uploadsDir);
        String name = originalName == null || originalName.isBlank() ? kind.fileName() + ".csv"
                : Path.of(originalName.replace('\\', '/')).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = newUploadFile(UPLOAD_STAMP.format(LocalDateTime.now()), name);
        Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        return backgroundJobs.start(importJob, new ImportRequest(kind, file).toJobParameters());
    }

    /**
     * Names made file-safe can coincide (上海.csv and 北京.csv both become __.csv, in the same
     * millisecond too): each upload's file is created atomically, numbered on a clash, never over another.
     */
    private Path newUploadFile(String stamp, String name) throws IOException {
        for (int n = 1; ; n++) {
            try {
                return Files.createFile(uploadsDir.resolve(stamp + "-" + (n == 1 ? "" : n + "-") + name));
            }
            catch (FileAlreadyExistsException e) {
                // Taken: the next number.
            }
        }
    }

    public Optional<ImportCounts> counts(JobExecution execution) {
        return ImportOutcome.countsOf(execution);
    }

    public String failureMessage(JobExecution execution) {
        return ImportOutcome.failureMessage(execution);
    }
}
