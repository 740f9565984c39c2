package com.qualityreview.intake.csv;

/** A source row after the rules: either every value ready to store, or the reason it is rejected. */
public sealed interface ParsedRow {

    long line();

    /** Values in the order of the kind's columns; null where the field was empty and optional. */
    record Accepted(long line, Object[] values) implements ParsedRow {
    }

    /**
     * The first column at fault (null when the row as a whole is at fault) and every reason found.
     * {@code date} is the row's date value (an OffsetDateTime in UTC or a LocalDate) when its date
     * column could be read, else null: it places the reject in a period.
     */
    record Rejected(long line, String column, String reason, String rawRecord, Object date) implements ParsedRow {
    }
}
