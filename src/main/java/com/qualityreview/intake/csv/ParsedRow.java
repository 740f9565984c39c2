package com.qualityreview.intake.csv;

/** A source row after the rules: either every value ready to store, or the reason it is rejected. */
public sealed interface ParsedRow {

    long line();

    /** Values in the order of the kind's columns; null where the field was empty and optional. */
    record Accepted(long line, Object[] values) implements ParsedRow {
    }

    /** The first column at fault (null when the row as a whole is at fault) and every reason found. */
    record Rejected(long line, String column, String reason, String rawRecord) implements ParsedRow {
    }
}
