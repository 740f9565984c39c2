package com.qualityreview.system;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepExecution;

/**
 * Logs a long task's progress (done of total, rate, time left) at most once per interval, so a
 * ten-million-row step says how it is doing without flooding the log.
 */
public final class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    /** At most one line per long task in this time. */
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final String task;
    private final String unit;
    private final long total;
    private final long startedWith;
    private final long startNanos;
    private final long intervalNanos;
    private final LongSupplier clock;
    private long lastLogNanos;

    /**
     * The progress log of a long step, which also records its total in the step (see {@link Progress})
     * so that the API and the console show the same figures as the log.
     */
    public static ProgressLog forStep(StepExecution step, String task, String unit, long total, long alreadyDone) {
        Progress.record(step, total, unit, alreadyDone);
        return new ProgressLog(task, unit, total, alreadyDone, INTERVAL, System::nanoTime);
    }

    ProgressLog(String task, String unit, long total, long alreadyDone, Duration interval, LongSupplier clock) {
        this.task = task;
        this.unit = unit;
        this.total = total;
        this.startedWith = alreadyDone;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastLogNanos = startNanos;
        this.intervalNanos = interval.toNanos();
    }

    /** Logs when the interval has passed since the last line; returns the line, or null when quiet. */
    public String update(long done) {
        long now = clock.getAsLong();
        if (now - lastLogNanos < intervalNanos) {
            return null;
        }
        lastLogNanos = now;
        String line = describe(done, now);
        log.info(line);
        return line;
    }

    String describe(long done, long now) {
        return task + ": " + Progress.measured(task, done, total, unit, startedWith, Duration.ofNanos(now - startNanos), false).describe();
    }

    static String formatDuration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
