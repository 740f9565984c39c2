package com.qualityreview.system;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress the API and the console show, from what a step recorded in the job repository. */
class ProgressTest {

    static StepExecution step() {
        return new StepExecution(3L, "loadImportRowsStep", new JobExecution(1L, new JobInstance(1L, "importJob"), new JobParameters()));
    }

    @Test
    void aRunningRestartedStepShowsDoneOfTotalItsOwnRateAndTimeLeft() {
        StepExecution step = step();
        LocalDateTime start = LocalDateTime.of(2026, 11, 1, 2, 0, 0);
        step.setStartTime(start);
        // Restarted with 100,000 rows already done by the failed execution; 300,000 more in 20 s.
        Progress.record(step, 1_000_000, "rows", 100_000);
        step.setReadCount(300_000);

        Progress progress = Progress.of(step, start.plusSeconds(20)).orElseThrow();

        assertThat(progress.done()).isEqualTo(400_000);
        assertThat(progress.percent()).isEqualTo(40);
        assertThat(progress.ratePerSecond()).isEqualTo(15_000.0);
        assertThat(progress.secondsLeft()).isEqualTo(40L);
        assertThat(progress.describe()).isEqualTo("400000 of 1000000 rows (40%), 15000 rows/s, about 40 s left");
    }

    @Test
    void aFinishedStepHasNoTimeLeftAndItsRateOverItsOwnDuration() {
        StepExecution step = step();
        LocalDateTime start = LocalDateTime.of(2026, 11, 1, 2, 0, 0);
        step.setStartTime(start);
        step.setEndTime(start.plusSeconds(4));
        Progress.record(step, 40, "sites", 0);
        step.setReadCount(40);

        Progress progress = Progress.of(step, start.plusHours(1)).orElseThrow();

        assertThat(progress.secondsLeft()).isNull();
        assertThat(progress.describe()).isEqualTo("40 of 40 sites (100%), 10 sites/s");
    }

    @Test
    void aStepThatRecordedNoTotalHasNoProgress() {
        StepExecution step = step();
        step.setStartTime(LocalDateTime.now());
        assertThat(Progress.of(step, LocalDateTime.now())).isEmpty();
    }

    @Test
    void aRateBelowTenASecondKeepsItsFirstSignificantDigitsSoThatSlowStepsDoNotReadZero() {
        assertThat(Progress.formatRate(0.3)).isEqualTo("0.3");
        assertThat(Progress.formatRate(1.0 / 60)).isEqualTo("0.02");
        assertThat(Progress.formatRate(2.0)).isEqualTo("2");
        assertThat(Progress.formatRate(2.46)).isEqualTo("2.5");
        assertThat(Progress.formatRate(9.96)).isEqualTo("10");
        assertThat(Progress.formatRate(15_000.4)).isEqualTo("15000");
        assertThat(Progress.formatRate(100)).isEqualTo("100");
        assertThat(Progress.formatRate(0.001)).isEqualTo("0");
    }
}
