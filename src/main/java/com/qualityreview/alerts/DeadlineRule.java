package com.qualityreview.alerts;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.qualityreview.review.Period;
import com.qualityreview.review.PeriodKind;

/**
 * When a month's review must be done by: day {@code day} of the following month at {@code time},
 * in the organisation's zone. A time that does not exist that day (a DST gap) is the first
 * moment after the gap; one that happens twice (the clocks go back) is the first of the two.
 */
public record DeadlineRule(int day, LocalTime time, ZoneId zone) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public ZonedDateTime deadlineOf(Period month) {
        if (month.kind() != PeriodKind.MONTH) {
            throw new IllegalArgumentException("only a month's review has a deadline, not " + month);
        }
        return ZonedDateTime.of(month.end().plusDays(day - 1L), time, zone);
    }

    /** The month watched at this moment: the one before the current month, whose deadline falls in this month. */
    public Period watchedPeriod(Instant now) {
        return Period.containing(PeriodKind.MONTH, now, zone).previous();
    }

    /** A moment as people read it in alerts and on the console: "2026-12-01 07:00 UTC". */
    public String shown(Instant instant) {
        return SHOWN.format(instant.atZone(zone)) + " " + zone.getId();
    }
}
