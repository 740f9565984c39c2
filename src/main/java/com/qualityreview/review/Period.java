package com.qualityreview.review;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A review period: a month ({@code 2026-10}), a quarter ({@code 2026-Q3}) or an ISO week
 * ({@code 2026-W42}, weeks start on Monday and belong to the ISO week-based year, so 2026-W01
 * starts on 2025-12-29).
 *
 * <p>Dates are half-open: {@link #start()} inclusive, {@link #end()} exclusive. Instants are
 * placed in a period by converting them to the organisation's zone ({@code quality.zone}).
 * Only the canonical text is accepted ({@code 2026-q3}, {@code 2026-1}, {@code 2026-W1} are
 * rejected) so that one period has exactly one spelling in file names, URLs and the database.
 *
 * @param number month 1–12, quarter 1–4, or ISO week 1–52/53
 */
public record Period(PeriodKind kind, int year, int number) implements Comparable<Period> {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public Period {
        Objects.requireNonNull(kind, "kind");
        String problem = problem(kind, year, number);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid period: " + problem);
        }
    }

    public static Period month(int year, int month) {
        return new Period(PeriodKind.MONTH, year, month);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodKind.QUARTER, year, quarter);
    }

    public static Period week(int weekBasedYear, int week) {
        return new Period(PeriodKind.WEEK, weekBasedYear, week);
    }

    /**
     * Parses {@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy-Www}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Period parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Invalid period: null (expected e.g. 2026-10, 2026-Q3 or 2026-W42)");
        }
        PeriodKind kind;
        Matcher m;
        if ((m = MONTH.matcher(text)).matches()) {
            kind = PeriodKind.MONTH;
        } else if ((m = QUARTER.matcher(text)).matches()) {
            kind = PeriodKind.QUARTER;
        } else if ((m = WEEK.matcher(text)).matches()) {
            kind = PeriodKind.WEEK;
        } else {
            throw new IllegalArgumentException("Invalid period '" + text
                    + "': expected a month (2026-10), a quarter (2026-Q3) or an ISO week (2026-W42)");
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        String problem = problem(kind, year, number);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid period '" + text + "': " + problem);
        }
        return new Period(kind, year, number);
    }

    /** The period of the given kind that contains the date. */
    public static Period containing(PeriodKind kind, LocalDate date) {
        return switch (kind) {
            case MONTH -> month(date.getYear(), date.getMonthValue());
            case QUARTER -> quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
            case WEEK -> week(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        };
    }

    /** The period of the given kind that contains the instant, seen in the zone. */
    public static Period containing(PeriodKind kind, Instant instant, ZoneId zone) {
        return containing(kind, LocalDate.ofInstant(instant, zone));
    }

    /** Number of ISO weeks (52 or 53) in a week-based year: the week of 28 December is always the last. */
    public static int isoWeeksIn(int weekBasedYear) {
        return LocalDate.of(weekBasedYear, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static String problem(PeriodKind kind, int year, int number) {
        if (year < 1 || year > 9999) {
            return "year must be between 0001 and 9999, got " + year;
        }
        return switch (kind) {
            case MONTH -> number < 1 || number > 12 ? "month must be 01 to 12, got " + number : null;
            case QUARTER -> number < 1 || number > 4 ? "quarter must be Q1 to Q4, got Q" + number : null;
            case WEEK -> {
                int weeks = isoWeeksIn(year);
                yield number < 1 || number > weeks
                        ? "week must be W01 to W" + weeks + " in " + year + " (that ISO year has " + weeks + " weeks), got W" + number
                        : null;
            }
        };
    }

    /** First day of the period (inclusive). */
    public LocalDate start() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, number, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            // ISO week 1 is the week containing 4 January
            case WEEK -> LocalDate.of(year, 1, 4)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .plusWeeks(number - 1L);
        };
    }

    /** First day after the period (exclusive). */
    public LocalDate end() {
        return switch (kind) {
            case MONTH -> start().plusMonths(1);
            case QUARTER -> start().plusMonths(3);
            case WEEK -> start().plusWeeks(1);
        };
    }

    /** Start of the first day in the zone (atStartOfDay, so DST gaps at midnight are handled). */
    public Instant startInstant(ZoneId zone) {
        return start().atStartOfDay(zone).toInstant();
    }

    /** Start of the first day after the period in the zone (exclusive). */
    public Instant endInstant(ZoneId zone) {
        return end().atStartOfDay(zone).toInstant();
    }

    /** Whether the instant, converted to the zone, falls in this period (start inclusive, end exclusive). */
    public boolean contains(Instant instant, ZoneId zone) {
        return !instant.isBefore(startInstant(zone)) && instant.isBefore(endInstant(zone));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && date.isBefore(end());
    }

    /** The period just before, of the same kind (2026-W01 → last ISO week of 2025, W52 or W53). */
    public Period previous() {
        if (number > 1) {
            return new Period(kind, year, number - 1);
        }
        return switch (kind) {
            case MONTH -> month(year - 1, 12);
            case QUARTER -> quarter(year - 1, 4);
            case WEEK -> week(year - 1, isoWeeksIn(year - 1));
        };
    }

    /** The period just after, of the same kind. */
    public Period next() {
        int last = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case WEEK -> isoWeeksIn(year);
        };
        return number < last ? new Period(kind, year, number + 1) : new Period(kind, year + 1, 1);
    }

    /** The period {@code n} steps back ({@code previous(0)} is this period). */
    public Period previous(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        Period p = this;
        for (int i = 0; i < n; i++) {
            p = p.previous();
        }
        return p;
    }

    /** The {@code count} periods ending with this one, oldest first (e.g. 12 for trend charts). */
    public List<Period> trailing(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        List<Period> periods = new ArrayList<>(count);
        Period p = this;
        for (int i = 0; i < count; i++) {
            periods.add(p);
            if (i < count - 1) {
                p = p.previous();
            }
        }
        Collections.reverse(periods);
        return List.copyOf(periods);
    }

    /** Chronological by start date, then by kind. */
    @Override
    public int compareTo(Period other) {
        int c = start().compareTo(other.start());
        return c != 0 ? c : kind.compareTo(other.kind);
    }

    /** Canonical text: 2026-10, 2026-Q3, 2026-W42. */
    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> String.format("%04d-%02d", year, number);
            case QUARTER -> String.format("%04d-Q%d", year, number);
            case WEEK -> String.format("%04d-W%02d", year, number);
        };
    }
}
