package com.qualityreview.system;

import java.util.regex.Pattern;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.QuoteStrategy;

/**
 * Cells of the CSV files the product writes, made safe to open in a spreadsheet (OWASP "CSV
 * injection"): a text cell that starts with {@code = + - @}, tab or CR would be run as a formula,
 * so it gets a leading {@code '} and is quoted. Numbers are left alone, so {@code -8.5} stays a
 * number. Every CSV writer uses {@link #writer()} and passes its text cells through {@link #text}.
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Quotes the cells {@link #text} prefixed, as OWASP advises, besides those CSV itself needs quoted. */
    private static final QuoteStrategy QUOTE_NEUTRALISED = new QuoteStrategy() {
        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return value.charAt(0) == '\'';
        }
    };

    private CsvCells() {
    }

    /** A text cell as it may be written: unchanged, or with a {@code '} in front if a spreadsheet would run it. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !NUMBER.matcher(value).matches());
        return formula ? "'" + value : value;
    }

    /** A CSV writer (RFC 4180, CRLF) that also quotes the cells {@link #text} neutralised. */
    public static CsvWriter.CsvWriterBuilder writer() {
        return CsvWriter.builder().quoteStrategy(QUOTE_NEUTRALISED);
    }
}
