package com.qualityreview.intake.csv;

/**
 * One column of an input file: its header name, how its text is parsed, whether the header must
 * have it and a value is required, and the value of an empty optional field.
 */
public record Column(String name, FieldType type, boolean required, Object defaultValue) {

    public static Column required(String name, FieldType type) {
        return new Column(name, type, true, null);
    }

    public static Column optional(String name, FieldType type) {
        return new Column(name, type, false, null);
    }

    public Column defaultingTo(Object value) {
        return new Column(name, type, required, value);
    }
}
