package com.qualityreview.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Schedules with a fixed clock, in the organisation's zone (Asia/Shanghai here). */
abstract class SchedulerTests {

    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noRunsYet() {
        jdbc.update("DELETE FROM schedule_run");
        for (String table : List.of("delivery", "review_trend", "review_figures", "review_rating_count", "review_pareto", "review_kpi",
                "review_mandatory", "review_compliance", "review_warning", "review_run")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    Scheduler at(String instant, String instance) {
        return scheduler.withClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), instance);
    }

    static List<String> names(List<Scheduler.Started> started) {
        return started.stream().map(Scheduler.Started::name).toList();
    }

    List<String> reviewedPeriods() {
        return jdbc.queryForList("SELECT period || '/r' || revision || '/' || status FROM review_run ORDER BY 1", String.class);
    }

    @Test
    void theMonthlyReviewFiresAtSixOnTheFirstInTheOrganisationsZone() {
        // 2026-10-31T21:59:59Z is 05:59:59 on 1 November in Shanghai: not yet.
        assertThat(names(at("2026-10-31T21:59:59Z", "a").tick())).doesNotContain("monthly-review");
        assertThat(reviewedPeriods()).isEmpty();

        List<Scheduler.Started> started = at("2026-10-31T22:00:00Z", "a").tick();

        assertThat(names(started)).contains("monthly-review");
        assertThat(started).filteredOn(s -> s.name().equals("monthly-review")).singleElement()
                .satisfies(s -> assertThat(s.due().toString()).startsWith("2026-11-01T06:00+08:00"));
        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/COMPLETED");
        assertThat(names(at("2026-10-31T22:05:00Z", "a").tick())).doesNotContain("monthly-review");
    }

    @Test
    void aRunMissedWhileTheApplicationWasDownIsCaughtUpAtStart() {
        // Down over the 1st; the first tick on the 3rd makes up the review of October, once.
        assertThat(names(at("2026-11-03T10:00:00Z", "a").tick())).contains("monthly-review", "inbound-scan");
        assertThat(names(at("2026-11-03T10:01:00Z", "a").tick())).isEmpty();

        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/COMPLETED");
        assertThat(jdbc.queryForList("SELECT name || ' ' || status FROM schedule_run ORDER BY name", String.class))
                .containsExactly("inbound-scan COMPLETED", "monthly-review COMPLETED");
    }
}
