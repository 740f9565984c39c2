package com.qualityreview.intake;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * Opens an input file as RFC 4180 CSV. Decoding is strict: bytes that are not UTF-8 raise an
 * error instead of becoming replacement characters. Rows with the wrong number of fields are let
 * through so that they can be rejected one by one; broken quoting fails the file.
 */
final class CsvSource {

    static final char BOM = '\uFEFF';

    private CsvSource() {
    }

    static CsvReader<CsvRecord> open(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = Channels.newReader(FileChannel.open(file, StandardOpenOption.READ), decoder, 64 * 1024);
        return CsvReader.builder()
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .allowExtraCharsAfterClosingQuote(false)
                .skipEmptyLines(true)
                .ofCsvRecord(reader);
    }
}
