package com.qualityreview.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the data rows of an input file. Its position (rows read) is saved with every committed
 * chunk, so a restart skips what was committed and continues with the next row.
 */
class CsvRowReader extends AbstractItemCountingItemStreamItemReader<SourceRow> {

    static final String ROWS_READ = "import.read";

    private final Path file;
    private final ImportKind kind;
    private CsvReader<CsvRecord> csv;
    private Iterator<CsvRecord> records;
    private Header header;
    /** Rows handed out; unlike the base class's item count it does not count the final end-of-file read. */
    private long rowsRead;

    CsvRowReader(Path file, ImportKind kind) {
        this.file = file;
        this.kind = kind;
        setName("csvRowReader");
    }

    Header header() {
        return header;
    }

    @Override
    public void open(ExecutionContext context) {
        rowsRead = context.getLong(ROWS_READ, 0L);
        super.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        context.putLong(ROWS_READ, rowsRead);
    }

    @Override
    protected void doOpen() throws IOException {
        csv = CsvSource.open(file);
        records = csv.iterator();
        if (!records.hasNext()) {
            throw new ImportFileException(file.getFileName() + ": the file is empty (no header row)");
        }
        header = Header.of(kind, records.next().getFields(), file.getFileName().toString());
    }

    /** On restart: passes over the rows a previous run committed, without counting them again. */
    @Override
    protected void jumpToItem(int itemIndex) {
        for (int i = 0; i < itemIndex && records.hasNext(); i++) {
            records.next();
        }
    }

    @Override
    protected SourceRow doRead() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            List<String> fields = record.getFields();
            rowsRead++;
            return new SourceRow(record.getStartingLineNumber(), fields.toArray(new String[0]));
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
