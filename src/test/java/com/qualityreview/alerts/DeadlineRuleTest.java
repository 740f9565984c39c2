package com.qualityreview.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import com.qualityreview.review.Period;

import org.junit.jupiter.api.Test;

/** When a month's review is due, in the organisation's zone, DST included. */
class DeadlineRuleTest {

    static final DeadlineRule UTC_DEFAULT = new DeadlineRule(1, LocalTime.of(7, 0), ZoneId.of("UTC"));

    @Test
    void theDefaultDeadlineIsSevenOnTheFirstOfTheNextMonth() {
        assertThat(UTC_DEFAULT.deadlineOf(Period.month(2026, 11)).toInstant()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(UTC_DEFAULT.deadlineOf(Period.month(2026, 12)).toInstant()).isEqualTo(Instant.parse("2027-01-01T07:00:00Z"));
        assertThat(UTC_DEFAULT.shown(Instant.parse("2026-12-01T07:00:00Z"))).isEqualTo("2026-12-01 07:00 UTC");
    }

    @Test
    void aLaterDeadlineDayCountsFromTheFirstOfTheNextMonth() {
        DeadlineRule fifth = new DeadlineRule(5, LocalTime.of(9, 30), ZoneId.of("UTC"));

        assertThat(fifth.deadlineOf(Period.month(2027, 1)).toInstant()).isEqualTo(Instant.parse("2027-02-05T09:30:00Z"));
    }

    @Test
    void londonDeadlinesFollowSummerTime() {
        DeadlineRule london = new DeadlineRule(1, LocalTime.of(7, 0), ZoneId.of("Europe/London"));

        assertThat(london.deadlineOf(Period.month(2026, 6)).toInstant()).isEqualTo(Instant.parse("2026-07-01T06:00:00Z"));
        assertThat(london.deadlineOf(Period.month(2026, 11)).toInstant()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(london.shown(Instant.parse("2026-07-01T06:00:00Z"))).isEqualTo("2026-07-01 07:00 Europe/London");
    }

    @Test
    void aDeadlineInsideTheSpringForwardGapIsTheFirstMomentAfterIt() {
        // 28 March 2027: London's clocks go from 01:00 to 02:00; 01:30 does not exist that day.
        DeadlineRule london = new DeadlineRule(28, LocalTime.of(1, 30), ZoneId.of("Europe/London"));

        assertThat(london.deadlineOf(Period.month(2027, 2)).toInstant()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void aDeadlineInTheHourThatHappensTwiceIsTheFirstOfTheTwo() {
        // 25 October 2026: London's clocks go back from 02:00 BST to 01:00 GMT; 01:30 happens twice.
        DeadlineRule london = new DeadlineRule(25, LocalTime.of(1, 30), ZoneId.of("Europe/London"));

        assertThat(london.deadlineOf(Period.month(2026, 9)).toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void shanghaiDeadlinesFallOnTheEveningBeforeInUtc() {
        DeadlineRule shanghai = new DeadlineRule(1, LocalTime.of(7, 0), ZoneId.of("Asia/Shanghai"));

        assertThat(shanghai.deadlineOf(Period.month(2026, 11)).toInstant()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        // 1 December 01:00 in Shanghai is still 30 November in UTC: the watched month is Shanghai's previous one.
        assertThat(shanghai.watchedPeriod(Instant.parse("2026-11-30T17:00:00Z"))).isEqualTo(Period.month(2026, 11));
        assertThat(UTC_DEFAULT.watchedPeriod(Instant.parse("2026-11-30T17:00:00Z"))).isEqualTo(Period.month(2026, 10));
    }

    @Test
    void onlyAMonthHasADeadline() {
        assertThatThrownBy(() -> UTC_DEFAULT.deadlineOf(Period.parse("2026-Q4")))
                .hasMessage("only a month's review has a deadline, not 2026-Q4");
    }
}
