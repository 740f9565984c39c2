package com.qualityreview.system;

import java.time.LocalDateTime;
import java.util.List;

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
    void aPartitionedStepShowsTheSumOfItsPartitionsThoseNotStartedCountingTheirTotalOnly() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "qualityReviewJob"), new JobParameters());
        LocalDateTime start = LocalDateTime.of(2026, 11, 1, 2, 0, 0);
        StepExecution manager = new StepExecution(10L, "renderReportsStep", job);
        manager.setStartTime(start);
        // p00: 4 reports, 3 done; p01: 4 reports, all 4 done; p02: 2 reports, not started (its total set by the partitioner).
        StepExecution p00 = partition(11L, "p00", job, start, 4, 3);
        StepExecution p01 = partition(12L, "p01", job, start, 4, 4);
        StepExecution p02 = new StepExecution(13L, "renderReportsPartition:p02", job);
        Progress.record(p02.getExecutionContext(), 2, "reports", 0);

        job.addStepExecutions(List.of(manager, p00, p01, p02));
        Progress.recordPartitions(manager, "reports", "renderReportsPartition");

        Progress progress = Progress.of(manager, start.plusSeconds(7)).orElseThrow();

        // 3 + 4 = 7 of 4 + 4 + 2 = 10 reports in the manager's 7 s: 1 a second, 3 s left.
        assertThat(progress.step()).isEqualTo("renderReportsStep");
        assertThat(progress.describe()).isEqualTo("7 of 10 reports (70%), 1 reports/s, about 3 s left");
    }

    @Test
    void aPartitionedStepWhosePartitionsRecordedNoTotalHasNoProgress() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "qualityReviewJob"), new JobParameters());
        StepExecution manager = new StepExecution(10L, "renderReportsStep", job);
        manager.setStartTime(LocalDateTime.of(2026, 11, 1, 2, 0, 0));

        job.addStepExecutions(List.of(manager, new StepExecution(11L, "renderReportsPartition:p00", job)));
        Progress.recordPartitions(manager, "reports", "renderReportsPartition");

        assertThat(Progress.of(manager, manager.getStartTime())).isEmpty();
    }

    private static StepExecution partition(long id, String name, JobExecution job, LocalDateTime start, long total, long done) {
        StepExecution partition = new StepExecution(id, "renderReportsPartition:" + name, job);
        partition.setStartTime(start);
        Progress.record(partition, total, "reports", 0);
        Progress.recordDone(partition, done);
        return partition;
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
