package com.qualityreview.system;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How far a step is: done of total, rate and time left. Long steps record their total and unit in
 * their execution context when they start ({@link #record}); the counts come from the step's own
 * committed read count (chunk steps), or from the done count a tasklet step saves in its context
 * while it works ({@link TaskletProgress}), so any process reading the job repository sees the same
 * figures.
 */
public record Progress(String step, long done, long total, String unit, double ratePerSecond, Long secondsLeft) {

    static final String TOTAL = "progress.total";
    static final String UNIT = "progress.unit";
    static final String ALREADY_DONE = "progress.already-done";
    /** Saved by a partitioned (manager) step: the name of its partitions' step, whose progress adds up to its own. */
    static final String PARTITIONS = "progress.partitions";
    /** Saved only by tasklet steps, which have no read count until they end; it includes ALREADY_DONE. */
    static final String DONE = "progress.done";

    /** Called by a long step before it starts; {@code alreadyDone} is what an earlier execution did. */
    public static void record(StepExecution step, long total, String unit, long alreadyDone) {
        record(step.getExecutionContext(), total, unit, alreadyDone);
    }

    /** Likewise, into the context a step will start with (a partition's, as its partitioner makes it). */
    public static void record(ExecutionContext context, long total, String unit, long alreadyDone) {
        context.putLong(TOTAL, total);
        context.putString(UNIT, unit);
        context.putLong(ALREADY_DONE, alreadyDone);
    }

    /**
     * Called by a partitioned step before it starts: its progress is {@code alreadyDone} (by partitions
     * completed in earlier executions) plus that of its partitions in this execution, steps named
     * {@code <workerStep>:<partition>}, each of which records its own.
     */
    public static void recordPartitioned(StepExecution manager, long total, String unit, long alreadyDone, String workerStep) {
        record(manager, total, unit, alreadyDone);
        manager.getExecutionContext().putString(PARTITIONS, workerStep);
    }

    /**
     * Called by a partitioned step before it starts whose total is only known once it has cut its
     * partitions: its progress is the sum of its partitions in this execution, totals included.
     */
    public static void recordPartitions(StepExecution manager, String unit, String workerStep) {
        manager.getExecutionContext().putString(UNIT, unit);
        manager.getExecutionContext().putString(PARTITIONS, workerStep);
    }

    /** Called by a tasklet step as it works: done so far, what an earlier execution did included. */
    static void recordDone(StepExecution step, long done) {
        step.getExecutionContext().putLong(DONE, done);
    }

    /** The step's progress, if it recorded a total; the rate is measured up to {@code now} while it runs. */
    public static Optional<Progress> of(StepExecution step, LocalDateTime now) {
        ExecutionContext context = step.getExecutionContext();
        if (step.getStartTime() == null) {
            return Optional.empty();
        }
        OptionalLong total = context.containsKey(TOTAL) ? OptionalLong.of(context.getLong(TOTAL))
                : context.containsKey(PARTITIONS) ? partitionsTotal(step) : OptionalLong.empty();
        if (total.isEmpty()) {
            return Optional.empty();
        }
        long already = context.getLong(ALREADY_DONE, 0L);
        LocalDateTime until = step.getEndTime() != null ? step.getEndTime() : now;
        long done = already + doneNow(step);
        return Optional.of(measured(step.getStepName(), done, total.getAsLong(),
                context.getString(UNIT, "rows"), already, Duration.between(step.getStartTime(), until), step.getEndTime() != null));
    }

    /** The sum of the totals the partitions of this execution recorded; none before any has. */
    private static OptionalLong partitionsTotal(StepExecution manager) {
        List<StepExecution> counted = partitions(manager).filter(p -> p.getExecutionContext().containsKey(TOTAL)).toList();
        return counted.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(counted.stream().mapToLong(p -> p.getExecutionContext().getLong(TOTAL)).sum());
    }

    /** The partitions of a partitioned step in its job execution: steps named {@code <workerStep>:<partition>}. */
    private static Stream<StepExecution> partitions(StepExecution manager) {
        String prefix = manager.getExecutionContext().getString(PARTITIONS) + ":";
        return manager.getJobExecution().getStepExecutions().stream().filter(partition -> partition.getStepName().startsWith(prefix));
    }

    /** Done by this execution of the step (a tasklet's DONE includes what an earlier one did), or of its partitions. */
    private static long doneNow(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (context.containsKey(PARTITIONS)) {
            return partitions(step).mapToLong(partition -> partition.getExecutionContext().getLong(ALREADY_DONE, 0L) + doneNow(partition))
                    .sum();
        }
        return context.containsKey(DONE) ? context.getLong(DONE) - context.getLong(ALREADY_DONE, 0L) : step.getReadCount();
    }

    /**
     * Progress after {@code elapsed}, the rate counting only what was done in that time (not what an
     * earlier execution did before a restart); no time left once finished or while nothing is known.
     */
    static Progress measured(String task, long done, long total, String unit, long alreadyDone, Duration elapsed, boolean finished) {
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        double rate = (done - alreadyDone) / seconds;
        Long left = !finished && total > 0 && rate > 0 && total >= done ? Math.round((total - done) / rate) : null;
        return new Progress(task, done, total, unit, rate, left);
    }

    /** Whole numbers from 10 a second up, two significant digits below, so that a report a minute reads 0.02, not 0. */
    static String formatRate(double perSecond) {
        String rate = String.format(Locale.ROOT, perSecond >= 10 ? "%.0f" : perSecond >= 1 ? "%.1f" : "%.2f", perSecond);
        return rate.contains(".") ? rate.replaceAll("\\.?0+$", "") : rate;
    }

    @JsonProperty("percent")
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, 100 * done / total);
    }

    /** "1200 of 3000 rows (40%), 150 rows/s, about 12 s left" — also the wording of the progress log. */
    @JsonProperty("text")
    public String describe() {
        StringBuilder line = new StringBuilder().append(done);
        if (total > 0) {
            line.append(" of ").append(total).append(' ').append(unit).append(" (").append(percent()).append("%)");
        }
        else {
            line.append(' ').append(unit);
        }
        line.append(", ").append(formatRate(ratePerSecond)).append(' ').append(unit).append("/s");
        if (secondsLeft != null) {
            line.append(", about ").append(ProgressLog.formatDuration(Duration.ofSeconds(secondsLeft))).append(" left");
        }
        return line.toString();
    }
}
