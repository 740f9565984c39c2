package com.qualityreview.scale;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Notices that no worker listens on the request queue, from the broker's count of the queue's
 * consumers. Partitions still waiting there when the queue has had no consumer for
 * {@code quality.scale.worker-timeout} would wait for ever (a review started with no worker
 * running, or the last worker stopped), so the manager stops waiting for them. While one worker
 * listens, waiting partitions are only queued behind running ones, however long that takes.
 */
class AbsentWorkers {

    private final IntSupplier consumers;
    private final Duration patience;
    private final String queue;
    private final LongSupplier nanoTime;
    private long lastListened;

    /**
     * @param consumers the queue's consumers now ({@link RabbitBroker#consumers()})
     * @param patience  how long the queue may have none
     * @param queue     the queue and broker, for messages
     * @param nanoTime  the clock ({@link System#nanoTime()}; tests pass their own)
     */
    AbsentWorkers(IntSupplier consumers, Duration patience, String queue, LongSupplier nanoTime) {
        this.consumers = consumers;
        this.patience = patience;
        this.queue = queue;
        this.nanoTime = nanoTime;
        this.lastListened = nanoTime.getAsLong();
    }

    /** Whether a worker listens now. */
    boolean listening() {
        if (consumers.getAsInt() > 0) {
            lastListened = nanoTime.getAsLong();
            return true;
        }
        return false;
    }

    /** Whether no worker has listened, at any look, for the whole patience: looks now. */
    boolean absent() {
        return !listening() && nanoTime.getAsLong() - lastListened >= patience.toNanos();
    }

    /** Why the partitions are marked failed, for each of them. */
    String reason() {
        return "no worker listened on " + queue + " for " + patience.toSeconds() + " s (quality.scale.worker-timeout)";
    }

    /** The step's failure, naming the partitions no worker took. */
    String sentence(List<String> notTaken) {
        return "no worker took partition" + (notTaken.size() == 1 ? " " : "s ") + String.join(", ", notTaken.stream().sorted().toList())
                + ": " + reason()
                + "; start one ('java -jar quality-review.jar worker', docs/scaling.md)";
    }

    /** The warning when a step sends its requests to a queue no worker listens on. */
    String waiting(String stepName) {
        return "no worker listens on " + queue + ": the partitions of " + stepName + " wait up to " + patience.toSeconds()
                + " s (quality.scale.worker-timeout) for one to start";
    }
}
