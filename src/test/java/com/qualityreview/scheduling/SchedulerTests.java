package com.qualityreview.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.support.CronExpression;
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

    @Test
    void aScheduledJobThatCouldNotStartIsTriedAgainAtTheNextTick() {
        AtomicInteger launches = new AtomicInteger();
        JobExecution launched = new JobExecution(42L, new JobInstance(7L, "someJob"), new JobParameters());
        launched.setStatus(BatchStatus.COMPLETED);
        Scheduler flaky = new Scheduler(jdbc, List.of(new Scheduler.Schedule("flaky", CronExpression.parse("0 0 6 1 * *"), due -> {
            if (launches.incrementAndGet() == 1) {
                throw new IllegalStateException("could not serialize access");
            }
            return launched;
        })), ZoneId.of("Asia/Shanghai"), Duration.ofDays(7), Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), "a");

        assertThat(flaky.tick()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schedule_run WHERE name = 'flaky'", Long.class)).isZero();

        assertThat(names(flaky.tick())).containsExactly("flaky");
        assertThat(flaky.tick()).isEmpty();
        assertThat(launches).hasValue(2);
        assertThat(jdbc.queryForList("SELECT status FROM schedule_run WHERE name = 'flaky'", String.class)).containsExactly("COMPLETED");
    }
}
