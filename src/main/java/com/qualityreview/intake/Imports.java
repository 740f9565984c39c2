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

import com.qualityreview.intake.job.InboundJobConfiguration;
import com.qualityreview.intake.job.ScanInboundTasklet;
import com.qualityreview.system.Audited;
import com.qualityreview.system.BackgroundJobs;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Starts imports and reads their outcome: a person's imports and inbound scans from the command
 * line, the API and the console (checked, and recorded in the audit log), and those of other
 * features (demo, inbound scan).
 */
@Component
public class Imports {

    private static final DateTimeFormatter UPLOAD_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final JobOperator jobOperator;
    private final BackgroundJobs backgroundJobs;
    private final Job importJob;
    private final ObjectProvider<Job> inboundScanJob;
    private final Path uploadsDir;
    private final Path inboundDir;
    private final ApplicationEventPublisher events;

    // The inbound scan job is looked up on first use: its step imports through this class.
    Imports(JobOperator jobOperator, BackgroundJobs backgroundJobs, Job importJob,
            @Qualifier(InboundJobConfiguration.JOB_NAME) ObjectProvider<Job> inboundScanJob, QualityProperties properties,
            ApplicationEventPublisher events) {
        this.jobOperator = jobOperator;
        this.backgroundJobs = backgroundJobs;
        this.importJob = importJob;
        this.inboundScanJob = inboundScanJob;
        this.uploadsDir = properties.uploadsDir();
        this.inboundDir = properties.inboundDir();
        this.events = events;
    }

    /** An import run to its end that completed, with its counts. */
    public record Imported(JobExecution execution, ImportRequest request, ImportCounts counts) {
    }

    /** An inbound scan run to its end: one line per file (or that there was nothing to import). */
    public record Scanned(JobExecution execution, String summary) {

        public boolean someFailed() {
            return summary.contains(": FAILED");
        }

        /** The command line's exit status: 3 when a file failed. */
        public int exitStatus() {
            return someFailed() ? 3 : 0;
        }
    }

    /** Runs the import of one file to its end (or failure). */
    public JobExecution run(ImportKind kind, Path file) throws Exception {
        return jobOperator.start(importJob, new ImportRequest(kind, file).toJobParameters());
    }

    /**
     * A person's import of one file from the command line, run to its end: refused
     * ({@link CommandException}, saying why) when it did not complete; recorded in the audit log.
     */
    public Imported importFile(ImportKind kind, Path file) throws Exception {
        Imported imported = imported(run(kind, file));
        events.publishEvent(new Audited("import", imported.request().toString(), "COMPLETED (execution "
                + imported.execution().getId() + "): " + imported.counts()));
        return imported;
    }

    /** How a finished import went; refused ({@link CommandException}, saying why) when it did not complete. */
    public Imported imported(JobExecution execution) {
        ImportRequest request = ImportRequest.from(execution.getJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new CommandException(ImportOutcome.failureMessage(execution)
                    + " (execution " + execution.getId() + ", status " + execution.getStatus() + ")");
        }
        return new Imported(execution, request, ImportOutcome.countsOf(execution).orElseThrow());
    }

    /**
     * A person's scan of quality.inbound-dir from the command line, run to its end: refused
     * ({@link CommandException}) when it did not complete; recorded in the audit log.
     */
    public Scanned scanInbound() throws Exception {
        Scanned scanned = scanned(jobOperator.start(inboundScanJob.getObject(),
                new JobParametersBuilder().addLong("run.id", System.currentTimeMillis()).toJobParameters()));
        events.publishEvent(new Audited("scan-inbound", inboundDir.toAbsolutePath().normalize().toString(), "COMPLETED (execution "
                + scanned.execution().getId() + ")" + (scanned.someFailed() ? ", some files FAILED" : "") + ": "
                + String.join("; ", scanned.summary().lines().toList())));
        return scanned;
    }

    /** How a finished inbound scan went; refused ({@link CommandException}) when it did not complete. */
    public Scanned scanned(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new CommandException("inbound scan " + execution.getStatus() + " (execution " + execution.getId() + ")");
        }
        return new Scanned(execution, execution.getExecutionContext().getString(ScanInboundTasklet.SUMMARY));
    }

    /**
     * A person's upload from the API or the console: checks it, keeps the file in
     * {@code quality.uploads-dir} (its rejects file goes beside it) and starts its import in the
     * background; returns as soon as the execution exists. Recorded in the audit log, and so is its end.
     *
     * @param originalName the name the client sent, if any
     */
    public JobExecution startUpload(ImportKind kind, String originalName, long size, InputStreamSource content) throws Exception {
        if (size == 0) {
            throw new IllegalArgumentException("file: '" + originalName + "' is missing or empty");
        }
        String name = fileName(originalName);
        JobExecution execution;
        try (InputStream stream = content.getInputStream()) {
            execution = backgroundJobs.start(importJob, new ImportRequest(kind, keep(kind, name, stream)).toJobParameters());
        }
        events.publishEvent(Audited.backgroundStart("start import", kind.fileName() + " " + (name == null ? "(no name)" : name),
                "execution " + execution.getId(), execution));
        return execution;
    }

    /**
     * The name an upload is kept under: the last part of the name the client sent (a browser may
     * send a whole path), at most 100 characters; a name with no such part ("/", "..") is refused.
     */
    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return null;
        }
        String last = original.replace('\\', '/').substring(original.replace('\\', '/').lastIndexOf('/') + 1).strip();
        if (last.isEmpty() || last.equals(".") || last.equals("..") || last.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("file: '" + original.replaceAll("\\p{Cntrl}", "?") + "' is not a file name");
        }
        return last.length() > 100 ? last.substring(0, 100) : last;
    }

    /** Keeps an upload in {@code quality.uploads-dir}, under its name made file-safe. */
    private Path keep(ImportKind kind, String originalName, InputStream content) throws IOException {
        Files.createDirectories(uploadsDir);
        String name = originalName == null || originalName.isBlank() ? kind.fileName() + ".csv"
                : Path.of(originalName.replace('\\', '/')).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = newUploadFile(UPLOAD_STAMP.format(LocalDateTime.now()), name);
        Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
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
