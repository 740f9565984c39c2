package com.qualityreview.scheduling;

import java.time.ZonedDateTime;
import java.util.Optional;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRuns;
import com.qualityreview.review.Reviews;

/**
 * The monthly review: a new revision of the previous month, unless that month has a completed
 * revision or one a live process is running. A second revision would mail everyone again, as
 * {@code demo --serve} did: its catch-up at start found the review due on the 1st of the month the
 * demo had just reviewed. A new revision of a reviewed month is for a person to ask for.
 */
record MonthlyReview(Reviews reviews, ReviewRuns runs) implements Scheduler.Action {

    @Override
    public Scheduler.Outcome run(ZonedDateTime due) throws Exception {
        Period period = previousMonth(due);
        Optional<Integer> completed = runs.completedRevision(period);
        if (completed.isPresent()) {
            return Scheduler.Outcome.skipped(period + " already has a completed review (revision " + completed.get()
                    + "); not reviewed again (review it by hand for a new revision)");
        }
        // A FAILED or STOPPED revision, or one whose process is gone, does not count: it waits for a
        // person to restart it, and a new revision meanwhile does no harm.
        Optional<Integer> running = reviews.runningRevision(period);
        if (running.isPresent()) {
            return Scheduler.Outcome.skipped(period + " is being reviewed right now (revision " + running.get()
                    + "); not reviewed again (that review delivers when it completes)");
        }
        return Scheduler.Outcome.launched(reviews.start(period, Optional.empty()));
    }

    static Period previousMonth(ZonedDateTime due) {
        ZonedDateTime month = due.minusMonths(1);
        return Period.month(month.getYear(), month.getMonthValue());
    }
}
