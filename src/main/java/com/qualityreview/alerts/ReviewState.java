package com.qualityreview.alerts;

import java.time.Instant;

/** Where the review of a period stands, as the watchdog judges it: the latest revision that completed, else the latest. */
public sealed interface ReviewState {

    /** No revision of the period exists. */
    record NotStarted() implements ReviewState {
    }

    /** A live process is running it. */
    record Running(int revision, Instant since) implements ReviewState {
    }

    /** Claimed as running, but its process is gone (no heartbeat): it waits for a restart. */
    record Gone(int revision, long executionId, Instant since) implements ReviewState {
    }

    /** It ended FAILED or STOPPED, at this step, for this reason (one line; null when the repository has none). */
    record Failed(int revision, long executionId, String status, String step, String reason) implements ReviewState {
    }

    record Completed(int revision, Instant finishedAt) implements ReviewState {
    }
}
