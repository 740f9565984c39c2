package com.qualityreview.intake.csv;

/**
 * One data record of an input file as text, with the line it starts on (the header is line 1).
 * {@code cutLength} is the record's length in characters when it was too long to read whole and its
 * fields hold only its start ({@link RecordLengthLimit}); otherwise 0.
 */
public record SourceRow(long line, String[] fields, long cutLength) {
}
