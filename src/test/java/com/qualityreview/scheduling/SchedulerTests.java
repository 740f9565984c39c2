package com.qualityreview.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.system.Leases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;

/** Schedules with a fixed clock, in the organisation's zone (Asia/Shanghai here). */
@ExtendWith(OutputCaptureExtension.class)
abstract class SchedulerTests {

    private static final Period OCTOBER = Period.month(2026, 10);

    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reviews reviews;
    @Autowired
    Leases leases;

    @BeforeEach
    void noRunsYet() {
        jdbc.update("DELETE FROM schedule_run");
        for (String table : List.of("delivery", "review_trend", "review_figures", "review_rating_count", "review_pareto", "review_kpi",
                "review_mandatory", "review_compliance", "review_warning", "review_resolved_warning", "review_run")) {
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

    List<String> monthlyReviewRuns() {
        return jdbc.queryForList("SELECT status || ' ' || COALESCE(CAST(job_execution_id AS VARCHAR(20)), '-') FROM schedule_run"
                + " WHERE name = 'monthly-review' ORDER BY due_at", String.class);
    }

    /** A review as a person (or demo) runs it: through the real job, to the end. */
    void reviewByHand(Period period) throws Exception {
        assertThat(reviews.start(period, Optional.empty()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    void revisionOfOctober(int revision, String status, Long jobExecutionId) {
        jdbc.update("INSERT INTO review_run (period, revision, zone, status, started_at, job_instance_id, job_execution_id)"
                + " VALUES ('2026-10', ?, 'Asia/Shanghai', ?, CURRENT_TIMESTAMP, 0, ?)", revision, status, jobExecutionId);
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
            return Scheduler.Outcome.launched(launched);
        })), ZoneId.of("Asia/Shanghai"), Duration.ofDays(7), Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), "a");

        assertThat(flaky.tick()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schedule_run WHERE name = 'flaky'", Long.class)).isZero();

        assertThat(names(flaky.tick())).containsExactly("flaky");
        assertThat(flaky.tick()).isEmpty();
        assertThat(launches).hasValue(2);
        assertThat(jdbc.queryForList("SELECT status FROM schedule_run WHERE name = 'flaky'", String.class)).containsExactly("COMPLETED");
    }

    @Test
    void aMonthWithACompletedReviewIsNotReviewedAgainAtTheMonthlyDueTimeAndTheLogSaysSo(CapturedOutput output) throws Exception {
        reviewByHand(OCTOBER);

        assertThat(names(at("2026-10-31T22:00:00Z", "a").tick())).doesNotContain("monthly-review");

        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/COMPLETED");
        assertThat(monthlyReviewRuns()).containsExactly("SKIPPED -");
        assertThat(output).contains("schedule monthly-review for 2026-11-01T06:00+08:00: 2026-10 already has a completed review"
                + " (revision 1); not reviewed again (review it by hand for a new revision)");

        // The skip is the due time's run: the next tick neither retries it nor logs it again.
        int logged = output.toString().length();
        assertThat(at("2026-10-31T22:01:00Z", "a").tick()).isEmpty();
        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/COMPLETED");
        assertThat(monthlyReviewRuns()).containsExactly("SKIPPED -");
        assertThat(output.toString().substring(logged)).doesNotContain("monthly-review");
    }

    @Test
    void theCatchUpAtStartSkipsAMonthWithACompletedReview() throws Exception {
        reviewByHand(OCTOBER);

        // Down over the 1st; the first tick on the 3rd finds the monthly review due, and October reviewed.
        assertThat(names(at("2026-11-03T10:00:00Z", "a").tick())).containsExactly("inbound-scan");
        assertThat(at("2026-11-03T10:01:00Z", "a").tick()).isEmpty();

        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/COMPLETED");
        assertThat(jdbc.queryForList("SELECT name || ' ' || status FROM schedule_run ORDER BY name", String.class))
                .containsExactly("inbound-scan COMPLETED", "monthly-review SKIPPED");
    }

    @Test
    void theFirstTickOfDemoServeDoesNotReviewAndMailTheDemoMonthAgain() throws Exception {
        // demo reviews last month, then --serve ticks at once: early in the month, within the catch-up window of the 1st.
        Scheduler serving = at("2026-11-02T01:00:00Z", "demo");
        YearMonth demoMonth = YearMonth.now(Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"))).minusMonths(1);
        reviewByHand(Period.month(demoMonth.getYear(), demoMonth.getMonthValue()));

        assertThat(names(serving.tick())).doesNotContain("monthly-review");

        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/COMPLETED");
        assertThat(monthlyReviewRuns()).containsExactly("SKIPPED -");
    }

    @Test
    void aMonthWhoseOnlyRevisionFailedIsStillReviewedBySchedule() {
        revisionOfOctober(1, "FAILED", null);

        List<Scheduler.Started> started = at("2026-10-31T22:00:00Z", "a").tick();

        assertThat(names(started)).contains("monthly-review");
        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/FAILED", "2026-10/r2/COMPLETED");
        assertThat(monthlyReviewRuns()).singleElement().asString().startsWith("COMPLETED ").doesNotEndWith(" -");
    }

    @Test
    void aMonthBeingReviewedRightNowIsNotReviewedAgainBySchedule(CapturedOutput output) {
        long execution = 987_654_321L;
        revisionOfOctober(1, "RUNNING", execution);
        leases.hold(execution);
        try {
            assertThat(names(at("2026-10-31T22:00:00Z", "a").tick())).doesNotContain("monthly-review");
        }
        finally {
            leases.release(execution);
        }

        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/RUNNING");
        assertThat(monthlyReviewRuns()).containsExactly("SKIPPED -");
        assertThat(output).contains("schedule monthly-review for 2026-11-01T06:00+08:00: 2026-10 is being reviewed right now"
                + " (revision 1); not reviewed again");
    }

    @Test
    void aRevisionLeftRunningByAProcessThatIsGoneDoesNotStopTheSchedule() {
        // Claimed as running, but no live lease: its process died; the revision waits for a restart.
        revisionOfOctober(1, "RUNNING", 987_654_322L);

        assertThat(names(at("2026-10-31T22:00:00Z", "a").tick())).contains("monthly-review");

        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/RUNNING", "2026-10/r2/COMPLETED");
    }
}
