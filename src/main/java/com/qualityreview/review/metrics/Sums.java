package com.qualityreview.review.metrics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Named sums and counts as plain strings, the form in which statistics are saved in an execution
 * context: only JDK types are serialised there, so changing a statistics class can never make a
 * saved context unreadable. A name never saved reads as 0 (or no value).
 */
public final class Sums {

    private final HashMap<String, String> values;

    public Sums() {
        this.values = new HashMap<>();
    }

    private Sums(Map<String, String> values) {
        this.values = new HashMap<>(values);
    }

    public static Sums of(Map<String, String> saved) {
        return new Sums(Objects.requireNonNull(saved, "saved sums"));
    }

    /** A copy to save (a HashMap of strings, serialisable by any version). */
    public HashMap<String, String> toMap() {
        return new HashMap<>(values);
    }

    public void put(String name, long value) {
        values.put(name, Long.toString(value));
    }

    /** A null value is left out: it reads back as null. */
    public void put(String name, BigDecimal value) {
        if (value != null) {
            values.put(name, value.toString());
        }
    }

    public long count(String name) {
        String value = values.get(name);
        try {
            return value == null ? 0 : Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            throw new IllegalStateException("saved sum '" + name + "' is not a whole number: '" + value + "'", e);
        }
    }

    public BigDecimal decimal(String name) {
        String value = values.get(name);
        try {
            return value == null ? null : new BigDecimal(value);
        }
        catch (NumberFormatException e) {
            throw new IllegalStateException("saved sum '" + name + "' is not a number: '" + value + "'", e);
        }
    }

    public BigDecimal decimalOrZero(String name) {
        BigDecimal value = decimal(name);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The rest of every name that starts with {@code prefix} (a code), in order. */
    public SortedSet<String> suffixes(String prefix) {
        SortedSet<String> suffixes = new TreeSet<>();
        for (String name : values.keySet()) {
            if (name.startsWith(prefix)) {
                suffixes.add(name.substring(prefix.length()));
            }
        }
        return suffixes;
    }
}
