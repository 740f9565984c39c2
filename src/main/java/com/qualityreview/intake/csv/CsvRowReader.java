package com.qualityreview.intake.csv;

import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.job.ImportContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the data rows of an input file. Its position (rows read) is saved with every committed
 * chunk, so a restart skips what was committed and continues with the next row. It reads the file
 * the check step counted: a file that changed since, or changes before its end, fails the import.
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<SourceRow> {

    private final Path file;
    private final ImportKind kind;
    /** The file as the check step read it; null when not known (then it is not compared). */
    private final FileState checked;
    private CsvSource csv;
    private Header header;
    /** Rows handed out; unlike the base class's item count it does not count the final end-of-file read. */
    private long rowsRead;

    public CsvRowReader(Path file, ImportKind kind, FileState checked) {
        this.file = file;
        this.kind = kind;
        this.checked = checked;
        setName("csvRowReader");
    }

    public Header header() {
        return header;
    }

    @Override
    public void open(ExecutionContext context) {
        rowsRead = context.getLong(ImportContext.READ, 0L);
        super.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        context.putLong(ImportContext.READ, rowsRead);
    }

    @Override
    protected void doOpen() throws IOException {
        if (checked != null) {
            checked.checkUnchanged(file);
        }
        csv = CsvSource.open(file);
        SourceRow headerRow = read(csv);
        if (headerRow == null) {
            throw new ImportFileException(file.getFileName() + ": the file is empty (no header row)");
        }
        header = ImportFileCheck.header(headerRow, kind, file.getFileName().toString());
    }

    /** On restart: passes over the rows a previous run committed, without counting them again. */
    @Override
    protected void jumpToItem(int itemIndex) {
        for (int i = 0; i < itemIndex && read(csv) != null; i++) {
            // skipped
        }
    }

    @Override
    protected SourceRow doRead() {
        SourceRow row = read(csv);
        if (row == null) {
            // Rows appended after the check would be missing from its count: this file is not the one checked.
            if (checked != null) {
                checked.checkUnchanged(file);
            }
            return null;
        }
        rowsRead++;
        return row;
    }

    private SourceRow read(CsvSource source) {
        try {
            return source.next();
        }
        catch (UncheckedIOException e) {
            throw new ImportFileException(file.getFileName() + ": cannot read the file: " + e.getCause().getMessage(), e);
        }
    }

    @Override
    protected void doClose() throws IOException {
        if (csv != null) {
            csv.close();
        }
    }
}
