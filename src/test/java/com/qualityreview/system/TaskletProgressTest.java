package com.qualityreview.system;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/** A tasklet step's progress: saved where the API reads it, at a bounded rate, and logged as summarising logs. */
class TaskletProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger progressLogger = (Logger) LoggerFactory.getLogger(ProgressLog.class);

    @BeforeEach
    void captureProgressLog() {
        logged.start();
        progressLogger.addAppender(logged);
    }

    @AfterEach
    void releaseProgressLog() {
        progressLogger.detachAppender(logged);
    }

    private static StepExecution sendStep(LocalDateTime start) {
        StepExecution step = new StepExecution(4L, "sendDeliveriesStep",
                new JobExecution(2L, new JobInstance(2L, "qualityReviewJob"), new JobParameters()));
        step.setStartTime(start);
        return step;
    }

    @Test
    void aRestartedSendSavesItsCountAtOnceThenAtMostOncePerSecondAndLogsInTheSummarisingWords() {
        LocalDateTime start = LocalDateTime.of(2026, 11, 1, 7, 0, 0);
        StepExecution step = sendStep(start);
        List<Long> saved = new ArrayList<>();
        TaskletProgress progress = new TaskletProgress(s -> saved.add(s.getExecutionContext().getLong(Progress.DONE)),
                Duration.ofSeconds(1), Duration.ofSeconds(10), now::get);

        WorkProgress sending = progress.of(step, "send 2026-10", "deliveries");
        // Restarted: 10 of the 40 deliveries were settled by the execution that failed.
        sending.started(40, 10);
        assertThat(saved).as("saved at the start, so its total shows at once").containsExactly(10L);

        now.set(SECOND / 2);
        sending.oneDone();
        now.set(SECOND * 12 / 10);
        sending.oneDone();
        now.set(SECOND * 3 / 2);
        for (int i = 0; i < 17; i++) {
            sending.oneDone();
        }
        assertThat(saved).as("not again within a second of the last save").containsExactly(10L, 12L);
        assertThat(logged.list).as("no line within 10 s").isEmpty();

        now.set(20 * SECOND);
        sending.oneDone();

        assertThat(saved).containsExactly(10L, 12L, 30L);
        // 20 deliveries in this execution's 20 s: 1 a second, 10 left.
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("send 2026-10: 30 of 40 deliveries (75%), 1 deliveries/s, about 10 s left");
        Progress shown = Progress.of(step, start.plusSeconds(20)).orElseThrow();
        assertThat(shown.done()).isEqualTo(30);
        assertThat(shown.total()).isEqualTo(40);
        assertThat(shown.describe()).isEqualTo("30 of 40 deliveries (75%), 1 deliveries/s, about 10 s left");
    }

    @Test
    void aProgressThatCannotBeSavedLeavesTheWorkGoingAndIsStillCountedInTheStep() {
        StepExecution step = sendStep(LocalDateTime.of(2026, 11, 1, 7, 0, 0));
        TaskletProgress progress = new TaskletProgress(s -> {
            throw new DataAccessResourceFailureException("database away");
        }, Duration.ZERO, Duration.ofSeconds(10), now::get);

        WorkProgress rendering = progress.of(step, "render 2026-10", "reports");
        rendering.started(3, 0);
        rendering.oneDone();
        rendering.oneDone();

        // The step's own commit at its end saves what the failed saves could not.
        assertThat(step.getExecutionContext().getLong(Progress.DONE)).isEqualTo(2);
        assertThat(step.getExecutionContext().isDirty()).isTrue();
    }
}
