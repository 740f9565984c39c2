package com.qualityreview.alerts;

import java.time.Instant;
import java.util.List;

import com.qualityreview.review.Period;

/**
 * Whether a month's review met its deadline: MET (completed with every delivery sent by then),
 * PENDING (not done, deadline still ahead), MISSED (not done, deadline past) or MET_LATE (done
 * after the deadline). {@code missing}: what is not done, in words, for the alert and the console;
 * {@code metAt}: when the last of the work was done (MET and MET_LATE).
 */
public record DeadlineStatus(Period period, Instant deadline, State state, List<String> missing, Instant metAt) {

    public enum State {
        MET, PENDING, MISSED, MET_LATE
    }

    /** Judged at {@code now}, from the review's state and its deliveries (those of the revision the state names). */
    public static DeadlineStatus judge(Period period, Instant deadline, Instant now, ReviewState review, DeliveryCounts deliveries,
            DeadlineRule rule) {
        List<String> missing = missing(period, review, deliveries, rule);
        if (missing.isEmpty()) {
            Instant finished = ((ReviewState.Completed) review).finishedAt();
            Instant metAt = deliveries.lastSentAt() != null && deliveries.lastSentAt().isAfter(finished) ? deliveries.lastSentAt()
                    : finished;
            return new DeadlineStatus(period, deadline, metAt.isAfter(deadline) ? State.MET_LATE : State.MET, missing, metAt);
        }
        return new DeadlineStatus(period, deadline, now.isBefore(deadline) ? State.PENDING : State.MISSED, missing, null);
    }

    static List<String> missing(Period period, ReviewState review, DeliveryCounts deliveries, DeadlineRule rule) {
        if (review instanceof ReviewState.Running r) {
            return List.of("the review of " + period + " (revision " + r.revision() + ") is still running, since " + rule.shown(r.since()));
        }
        if (review instanceof ReviewState.Gone g) {
            return List.of("the review of " + period + " (revision " + g.revision() + ", execution " + g.executionId()
                    + ") stopped when its process died, after starting at " + rule.shown(g.since()) + ": restart execution "
                    + g.executionId());
        }
        if (review instanceof ReviewState.Failed f) {
            return List.of("the review of " + period + " (revision " + f.revision() + ", execution " + f.executionId() + ") "
                    + (f.status().equals("STOPPED") ? "was stopped" : "failed") + (f.step() == null ? "" : " at step " + f.step())
                    + (f.reason() == null ? "" : ": " + f.reason()));
        }
        if (review instanceof ReviewState.Completed c) {
            return deliveries.allSent() ? List.of()
                    : List.of(deliveries.failed() + " deliveries failed, " + deliveries.uncertain() + " uncertain, "
                            + deliveries.pending() + " still pending (" + deliveries.sent() + " of " + deliveries.total()
                            + " sent; " + period + " revision " + c.revision() + ")");
        }
        return List.of("the review of " + period + " has not started");
    }
}
