package com.qualityreview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Which review: a period and revision, and the period boundaries in the organisation's zone. */
record ReviewKey(Period period, int revision, ZoneId zone) {

    String periodText() {
        return period.toString();
    }

    Bounds current() {
        return Bounds.of(period, zone);
    }

    Bounds previous() {
        return Bounds.of(period.previous(), zone);
    }

    /** A period's half-open interval both as instants (feedback) and as dates (audits, KPIs). */
    record Bounds(Period period, Instant from, Instant until, LocalDate firstDay, LocalDate endDay) {
        static Bounds of(Period period, ZoneId zone) {
            return new Bounds(period, period.startInstant(zone), period.endInstant(zone), period.start(), period.end());
        }
    }
}
