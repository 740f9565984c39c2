package com.qualityreview.intake;

import com.qualityreview.intake.csv.ImportFileException;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** Which import: the kind of rows and the file they come from, the identity of one import run. */
public record ImportRequest(ImportKind kind, Path file) {

    static final String KIND = "kind";
    static final String FILE = "file";
    static final String RUN_ID = "run.id";

    public ImportRequest {
        file = file.toAbsolutePath().normalize();
    }

    /** The import a job execution runs, from its parameters. */
    public static ImportRequest from(JobParameters parameters) {
        String kind = parameters.getString(KIND);
        return new ImportRequest(ImportKind.byName(kind).orElseThrow(() -> new ImportFileException(ImportKind.unknown(kind))),
                Path.of(parameters.getString(FILE)));
    }

    /** {@code run.id} makes every import of the same file a job instance of its own (a file may be loaded again). */
    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(KIND, kind.fileName())
                .addString(FILE, file.toString())
                .addLong(RUN_ID, System.nanoTime())
                .toJobParameters();
    }

    /** The file's own name, without its folder. */
    public String fileName() {
        return file.getFileName().toString();
    }

    /** "feedback /data/in/feedback-2026-10.csv", as audit entries name an import. */
    @Override
    public String toString() {
        return kind.fileName() + " " + file;
    }
}
