package com.qualityreview.intake.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * An input file's size and modification time. The import reads a file twice (check, then load);
 * both reads must see the same file, or the counts and the rows stored would belong to different
 * contents. A file that changes while it is read is still being written: the import fails.
 */
public record FileState(long size, long modifiedNanos) {

    static final String SIZE = "import.file.size";
    static final String MODIFIED = "import.file.modified";

    static FileState of(Path file) {
        try {
            return new FileState(Files.size(file), Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state the check step recorded, or null when there is none. */
    public static FileState from(ExecutionContext context) {
        return context.containsKey(SIZE) ? new FileState(context.getLong(SIZE), context.getLong(MODIFIED)) : null;
    }

    public void saveTo(ExecutionContext context) {
        context.putLong(SIZE, size);
        context.putLong(MODIFIED, modifiedNanos);
    }

    /** Fails the import when the file is no longer in this state. */
    void checkUnchanged(Path file) {
        if (!equals(of(file))) {
            throw changed(file);
        }
    }

    static ImportFileException changed(Path file) {
        return new ImportFileException(file.getFileName() + ": the file changed while it was being read"
                + " (is it still being written?); import it once it is complete");
    }
}
