package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void parsesTheThreeKindsAndPrintsTheCanonicalText() {
        assertThat(Period.parse("2026-10")).isEqualTo(Period.month(2026, 10));
        assertThat(Period.parse("2026-Q3")).isEqualTo(Period.quarter(2026, 3));
        assertThat(Period.parse("2026-W42")).isEqualTo(Period.week(2026, 42));
        assertThat(Period.parse("2026-10").kind()).isEqualTo(PeriodKind.MONTH);
        assertThat(Period.parse("2026-Q3").kind()).isEqualTo(PeriodKind.QUARTER);
        assertThat(Period.parse("2026-W42").kind()).isEqualTo(PeriodKind.WEEK);
        assertThat(Period.month(2026, 1)).hasToString("2026-01");
        assertThat(Period.quarter(2026, 3)).hasToString("2026-Q3");
        assertThat(Period.week(2026, 2)).hasToString("2026-W02");
    }

    @Test
    void rejectsAMonthOutOfRangeNamingIt() {
        assertThatThrownBy(() -> Period.parse("2026-13"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-13").hasMessageContaining("month must be 01 to 12");
        assertThatThrownBy(() -> Period.parse("2026-00")).hasMessageContaining("month must be 01 to 12");
    }

    @Test
    void rejectsAQuarterOutOfRange() {
        assertThatThrownBy(() -> Period.parse("2026-Q5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-Q5").hasMessageContaining("Q1 to Q4");
        assertThatThrownBy(() -> Period.parse("2026-Q0")).hasMessageContaining("Q1 to Q4");
    }

    @Test
    void rejectsAWeekTheIsoYearDoesNotHave() {
        // 2021 starts on a Friday and is not a leap year: 52 ISO weeks
        assertThatThrownBy(() -> Period.parse("2021-W53"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2021-W53").hasMessageContaining("52 weeks");
        // 2026 starts on a Thursday: 53 weeks, so W53 exists and W54 does not
        assertThat(Period.parse("2026-W53").start()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThatThrownBy(() -> Period.parse("2026-W54")).hasMessageContaining("53 weeks");
        assertThatThrownBy(() -> Period.parse("2026-W00")).hasMessageContaining("W01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026", "2026-1", "2026-q3", "2026-W1", "26-10", "2026/10", " 2026-10", "2026-10-01", "2026-H1"})
    void rejectsAnythingElseWithTheExpectedForms(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a month (2026-10), a quarter (2026-Q3) or an ISO week (2026-W42)");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void monthAndQuarterBoundariesAreHalfOpen() {
        Period oct = Period.parse("2026-10");
        assertThat(oct.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(oct.end()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(oct.contains(LocalDate.of(2026, 10, 31))).isTrue();
        assertThat(oct.contains(LocalDate.of(2026, 11, 1))).isFalse();
        assertThat(oct.contains(LocalDate.of(2026, 9, 30))).isFalse();
        Period q3 = Period.parse("2026-Q3");
        assertThat(q3.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2026, 10, 1));
        Period q4 = Period.parse("2026-Q4");
        assertThat(q4.end()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void isoWeekYearEdges() {
        // 1 Jan 2026 is a Thursday, so week 1 (the week holding 4 January) starts Monday 29 Dec 2025
        Period w1 = Period.parse("2026-W01");
        assertThat(w1.start()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(w1.end()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(w1.contains(LocalDate.of(2025, 12, 29))).isTrue();
        assertThat(w1.contains(LocalDate.of(2025, 12, 28))).isFalse();
        // 2020 starts on a Wednesday and is a leap year: 53 weeks; W53 = 28 Dec 2020 .. 3 Jan 2021
        Period w53 = Period.parse("2020-W53");
        assertThat(w53.start()).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(w53.end()).isEqualTo(LocalDate.of(2021, 1, 4));
        assertThat(Period.isoWeeksIn(2020)).isEqualTo(53);
        assertThat(Period.isoWeeksIn(2021)).isEqualTo(52);
        // 1 Jan 2027 (Friday) still belongs to 2026-W53
        assertThat(Period.containing(PeriodKind.WEEK, LocalDate.of(2027, 1, 1))).isEqualTo(Period.week(2026, 53));
        assertThat(Period.containing(PeriodKind.WEEK, LocalDate.of(2025, 12, 29))).isEqualTo(Period.week(2026, 1));
    }

    @Test
    void feedbackBelongsToThePeriodOfItsTimeInTheOrganisationZone() {
        Instant midnightOct1InShanghai = Instant.parse("2026-09-30T16:00:00Z");
        Instant oneSecondBefore = Instant.parse("2026-09-30T15:59:59Z");
        Period oct = Period.parse("2026-10");
        Period sep = Period.parse("2026-09");

        assertThat(oct.contains(midnightOct1InShanghai, SHANGHAI)).isTrue();
        assertThat(sep.contains(midnightOct1InShanghai, SHANGHAI)).isFalse();
        assertThat(sep.contains(oneSecondBefore, SHANGHAI)).isTrue();
        assertThat(oct.contains(oneSecondBefore, SHANGHAI)).isFalse();
        assertThat(Period.containing(PeriodKind.MONTH, midnightOct1InShanghai, SHANGHAI)).isEqualTo(oct);
        assertThat(Period.containing(PeriodKind.MONTH, oneSecondBefore, SHANGHAI)).isEqualTo(sep);
        // in UTC the same instant is still September
        assertThat(sep.contains(midnightOct1InShanghai, ZoneOffset.UTC)).isTrue();

        assertThat(oct.startInstant(SHANGHAI)).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(oct.endInstant(SHANGHAI)).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(oct.startInstant(ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    }

    @Test
    void periodStartFollowsDaylightSavingTime() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        // October 2026 starts in summer time (UTC+2) and ends in winter time (UTC+1, from 25 Oct)
        Period oct = Period.parse("2026-10");
        assertThat(oct.startInstant(paris)).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(oct.endInstant(paris)).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    }

    @Test
    void previousIsThePeriodJustBeforeOfTheSameKind() {
        assertThat(Period.parse("2026-01").previous()).hasToString("2025-12");
        assertThat(Period.parse("2026-10").previous()).hasToString("2026-09");
        assertThat(Period.parse("2026-Q1").previous()).hasToString("2025-Q4");
        assertThat(Period.parse("2026-Q3").previous()).hasToString("2026-Q2");
        assertThat(Period.parse("2026-W01").previous()).hasToString("2025-W52");
        assertThat(Period.parse("2021-W01").previous()).hasToString("2020-W53");
        assertThat(Period.parse("2026-W42").previous()).hasToString("2026-W41");
        assertThat(Period.parse("2026-W01").previous().end()).isEqualTo(Period.parse("2026-W01").start());
    }

    @Test
    void nextIsThePeriodJustAfter() {
        assertThat(Period.parse("2025-12").next()).hasToString("2026-01");
        assertThat(Period.parse("2025-Q4").next()).hasToString("2026-Q1");
        assertThat(Period.parse("2020-W52").next()).hasToString("2020-W53");
        assertThat(Period.parse("2020-W53").next()).hasToString("2021-W01");
    }

    @Test
    void previousNStepsBackAndTrailingTwelveForTrends() {
        assertThat(Period.parse("2026-03").previous(0)).hasToString("2026-03");
        assertThat(Period.parse("2026-03").previous(3)).hasToString("2025-12");
        assertThat(Period.parse("2026-03").trailing(12)).extracting(Period::toString).containsExactly(
                "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09",
                "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03");
        assertThat(Period.parse("2026-Q2").trailing(3)).extracting(Period::toString)
                .containsExactly("2025-Q4", "2026-Q1", "2026-Q2");
        assertThat(Period.parse("2021-W02").trailing(3)).extracting(Period::toString)
                .containsExactly("2020-W53", "2021-W01", "2021-W02");
        assertThatThrownBy(() -> Period.parse("2026-03").trailing(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quarterContainingADate() {
        assertThat(Period.containing(PeriodKind.QUARTER, LocalDate.of(2026, 9, 30))).hasToString("2026-Q3");
        assertThat(Period.containing(PeriodKind.QUARTER, LocalDate.of(2026, 10, 1))).hasToString("2026-Q4");
        assertThat(Period.containing(PeriodKind.MONTH, LocalDate.of(2026, 2, 28))).hasToString("2026-02");
    }

    @Test
    void periodsSortChronologically() {
        assertThat(Period.parse("2025-12").compareTo(Period.parse("2026-01"))).isNegative();
        assertThat(Period.parse("2026-Q1").compareTo(Period.parse("2025-Q4"))).isPositive();
    }
}
