package com.qualityreview.intake.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Deque;
import java.util.Iterator;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * Opens an input file as RFC 4180 CSV and hands out its records as {@link SourceRow}s, the header
 * first. Decoding is strict: bytes that are not UTF-8 raise an error instead of becoming
 * replacement characters. Rows with the wrong number of fields are let through so that they can be
 * rejected one by one; broken quoting fails the file. A record too long to be a valid row is cut
 * on the way in ({@link RecordLengthLimit}) and handed out marked, to be rejected.
 */
final class CsvSource implements Closeable {

    static final char BOM = '\uFEFF';

    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final Deque<RecordLengthLimit.Cut> cuts;
    /** Line breaks of cut records that the parser never saw, so far: its line numbers are this much behind. */
    private long droppedLineBreaks;

    private CsvSource(CsvReader<CsvRecord> csv, RecordLengthLimit limit) {
        this.csv = csv;
        this.records = csv.iterator();
        this.cuts = limit.cuts();
    }

    static CsvSource open(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader decoded = Channels.newReader(FileChannel.open(file, StandardOpenOption.READ), decoder, 64 * 1024);
        RecordLengthLimit limit = new RecordLengthLimit(decoded);
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .allowExtraCharsAfterClosingQuote(false)
                .skipEmptyLines(true)
                .ofCsvRecord(limit);
        return new CsvSource(csv, limit);
    }

    /**
     * The next record with the line it starts on, or null at the end of the file.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read or is not UTF-8
     * @throws de.siegmar.fastcsv.reader.CsvParseException when the file is not CSV
     */
    SourceRow next() {
        if (!records.hasNext()) {
            return null;
        }
        CsvRecord record = records.next();
        long parserLine = record.getStartingLineNumber();
        while (!cuts.isEmpty() && cuts.peekFirst().parserLine() < parserLine) {
            droppedLineBreaks += cuts.pollFirst().droppedLineBreaks();
        }
        long line = parserLine + droppedLineBreaks;
        long cutLength = 0;
        if (!cuts.isEmpty() && cuts.peekFirst().parserLine() == parserLine) {
            RecordLengthLimit.Cut cut = cuts.pollFirst();
            droppedLineBreaks += cut.droppedLineBreaks();
            cutLength = cut.characters();
        }
        return new SourceRow(line, record.getFields().toArray(new String[0]), cutLength);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
