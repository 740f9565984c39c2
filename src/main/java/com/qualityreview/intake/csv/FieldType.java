package com.qualityreview.intake.csv;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How one CSV column's text becomes a stored value. {@link #parse} returns the value or throws
 * {@link FieldException} with a reason a person can act on; it never truncates or guesses.
 */
public sealed interface FieldType {

    Object parse(String text) throws FieldException;

    /** Longer values are shortened in reasons, which must fit the rejected_row table whatever the row holds. */
    int QUOTED_MAX = 100;

    /** The value in quotes for a reason; a long one shortened, with its length. */
    static String quoted(String text) {
        if (text.length() <= QUOTED_MAX) {
            return "'" + text + "'";
        }
        int end = Character.isHighSurrogate(text.charAt(QUOTED_MAX - 1)) ? QUOTED_MAX - 1 : QUOTED_MAX;
        return "'" + text.substring(0, end) + "…' (" + text.codePointCount(0, text.length()) + " characters)";
    }

    /**
     * Dates and date-times are accepted in these years only. java.time reads years beyond 9999,
     * which PostgreSQL refuses and HSQLDB stores; and HSQLDB's driver shifts dates before the
     * Gregorian calendar (1582) by days, so the two databases would hold different values.
     */
    int FIRST_YEAR = 1583;
    int LAST_YEAR = 9999;

    /** java.sql.Types code, for binding nulls. */
    int sqlType();

    /** The SQL type, for the casts HSQLDB needs around parameters in MERGE ... USING (VALUES ...). */
    String sqlTypeName();

    /** Text of at most {@code maxLength} characters (Unicode code points), stored as given or upper-cased. */
    record Text(int maxLength, boolean upperCase) implements FieldType {
        @Override
        public Object parse(String text) throws FieldException {
            int length = text.length() <= maxLength ? text.length() : text.codePointCount(0, text.length());
            if (length > maxLength) {
                throw new FieldException("is " + length + " characters long; at most " + maxLength + " are allowed");
            }
            return upperCase ? text.toUpperCase(Locale.ROOT) : text;
        }

        @Override
        public int sqlType() {
            return Types.VARCHAR;
        }

        @Override
        public String sqlTypeName() {
            return "VARCHAR(" + (2 * maxLength) + ")";
        }
    }

    /** A whole number within [min, max]. */
    record WholeNumber(int min, int max) implements FieldType {
        @Override
        public Object parse(String text) throws FieldException {
            int value;
            try {
                value = Integer.parseInt(text);
            }
            catch (NumberFormatException e) {
                throw new FieldException(quoted(text) + " is not a whole number" + range());
            }
            if (value < min || value > max) {
                throw new FieldException(value + " is out of range" + range());
            }
            return value;
        }

        private String range() {
            return max == Integer.MAX_VALUE ? " (at least " + min + ")" : " (" + min + " to " + max + ")";
        }

        @Override
        public int sqlType() {
            return Types.INTEGER;
        }

        @Override
        public String sqlTypeName() {
            return "INTEGER";
        }
    }

    /**
     * A decimal number stored as DECIMAL(18,6): at most 12 digits before and 6 after the point, so
     * nothing is rounded on the way in and both databases hold exactly the same value.
     */
    record Decimal(BigDecimal min) implements FieldType {
        static final int SCALE = 6;
        static final int INTEGER_DIGITS = 12;

        @Override
        public Object parse(String text) throws FieldException {
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            }
            catch (NumberFormatException e) {
                throw new FieldException(quoted(text) + " is not a decimal number");
            }
            if (value.scale() > SCALE && value.stripTrailingZeros().scale() > SCALE) {
                throw new FieldException(quoted(text) + " has more than " + SCALE + " decimal places");
            }
            if (value.precision() - value.scale() > INTEGER_DIGITS) {
                throw new FieldException(quoted(text) + " has more than " + INTEGER_DIGITS + " digits before the decimal point");
            }
            if (min != null && value.compareTo(min) < 0) {
                throw new FieldException((text.length() <= QUOTED_MAX ? text : quoted(text)) + " is below the minimum " + min.toPlainString());
            }
            return value.setScale(SCALE);
        }

        @Override
        public int sqlType() {
            return Types.DECIMAL;
        }

        @Override
        public String sqlTypeName() {
            return "DECIMAL(18,6)";
        }
    }

    /** true or false, in any letter case. */
    record Flag() implements FieldType {
        @Override
        public Object parse(String text) throws FieldException {
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new FieldException(quoted(text) + " is not true or false");
        }

        @Override
        public int sqlType() {
            return Types.BOOLEAN;
        }

        @Override
        public String sqlTypeName() {
            return "BOOLEAN";
        }
    }

    /** One of a fixed set of codes, in any letter case; stored upper-case. */
    record OneOf(List<String> values) implements FieldType {
        public static OneOf of(Class<? extends Enum<?>> type) {
            return new OneOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }

        @Override
        public Object parse(String text) throws FieldException {
            String upper = text.toUpperCase(Locale.ROOT);
            if (!values.contains(upper)) {
                throw new FieldException(quoted(text) + " is not one of " + String.join(", ", values));
            }
            return upper;
        }

        @Override
        public int sqlType() {
            return Types.VARCHAR;
        }

        @Override
        public String sqlTypeName() {
            return "VARCHAR(16)";
        }
    }

    /** An ISO-8601 calendar date, 2026-10-31, from {@link #FIRST_YEAR} to {@link #LAST_YEAR}. */
    record Day() implements FieldType {
        @Override
        public Object parse(String text) throws FieldException {
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            }
            catch (DateTimeParseException e) {
                throw new FieldException(quoted(text) + " is not a date like 2026-10-31");
            }
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                throw new FieldException(quoted(text) + " is outside the years " + FIRST_YEAR + " to " + LAST_YEAR);
            }
            return date;
        }

        @Override
        public int sqlType() {
            return Types.DATE;
        }

        @Override
        public String sqlTypeName() {
            return "DATE";
        }
    }

    /**
     * An ISO-8601 date-time with an offset, 2026-10-31T09:15:00+08:00. Stored as the same instant
     * at UTC, so both databases hold identical values whatever their session zone; so its year
     * ({@link #FIRST_YEAR} to {@link #LAST_YEAR}) is checked at UTC too.
     */
    record Instant() implements FieldType {
        @Override
        public Object parse(String text) throws FieldException {
            OffsetDateTime utc;
            try {
                utc = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).withOffsetSameInstant(ZoneOffset.UTC);
            }
            catch (DateTimeParseException e) {
                throw new FieldException(quoted(text) + " is not a date-time with offset like 2026-10-31T09:15:00+08:00");
            }
            if (utc.getYear() < FIRST_YEAR || utc.getYear() > LAST_YEAR) {
                throw new FieldException(quoted(text) + " is outside the years " + FIRST_YEAR + " to " + LAST_YEAR + " (in UTC)");
            }
            return utc;
        }

        @Override
        public int sqlType() {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }

        @Override
        public String sqlTypeName() {
            return "TIMESTAMP WITH TIME ZONE";
        }
    }
}
