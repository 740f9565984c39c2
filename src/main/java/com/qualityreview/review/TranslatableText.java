package com.qualityreview.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text the review states but does not word: a message key of the report bundles
 * ({@code report-templates/messages*.properties}) and its arguments, which each report and email
 * words in its reader's language. Arguments are strings (codes and names, shown as they are) and
 * numbers, rounded to the decimals they are shown with (a {@link BigDecimal}'s scale says how many).
 *
 * @param key       e.g. {@code warning.text.DOWNGRADE}
 * @param arguments {@link String} or {@link BigDecimal} values, in the order of the pattern's {0}, {1}, ...
 */
public record TranslatableText(String key, List<Object> arguments) {

    /** Separates the stored arguments: a control character that no code, name or number holds. */
    private static final char SEPARATOR = '\u001F';

    public TranslatableText {
        Objects.requireNonNull(key, "key");
        List<Object> checked = new ArrayList<>();
        for (Object argument : arguments) {
            if (argument instanceof BigDecimal number) {
                checked.add(number);
            }
            else if (argument instanceof Integer || argument instanceof Long) {
                checked.add(BigDecimal.valueOf(((Number) argument).longValue()));
            }
            else if (argument instanceof String text) {
                checked.add(text.replace(SEPARATOR, ' '));
            }
            else {
                throw new IllegalArgumentException(key + ": argument " + argument + " is neither a number nor a string");
            }
        }
        arguments = List.copyOf(checked);
    }

    public static TranslatableText of(String key, Object... arguments) {
        return new TranslatableText(key, List.of(arguments));
    }

    /** The arguments as stored with the review: "n:" and the plain number, or "s:" and the text, each. */
    public String storedArguments() {
        StringBuilder stored = new StringBuilder();
        for (Object argument : arguments) {
            if (!stored.isEmpty()) {
                stored.append(SEPARATOR);
            }
            stored.append(argument instanceof BigDecimal number ? "n:" + number.toPlainString() : "s:" + argument);
        }
        return stored.toString();
    }

    /** Reads what {@link #storedArguments()} wrote. */
    public static TranslatableText fromStored(String key, String storedArguments) {
        List<Object> arguments = new ArrayList<>();
        if (storedArguments != null && !storedArguments.isEmpty()) {
            for (String stored : storedArguments.split(String.valueOf(SEPARATOR), -1)) {
                arguments.add(stored.startsWith("n:") ? new BigDecimal(stored.substring(2)) : stored.substring(2));
            }
        }
        return new TranslatableText(key, arguments);
    }

    /** A form for the database's plain text column and for logs: the key and its arguments, in no language. */
    @Override
    public String toString() {
        return arguments.isEmpty() ? key : key + " " + arguments.stream().map(a -> a instanceof BigDecimal n ? n.toPlainString() : (String) a).toList();
    }
}
