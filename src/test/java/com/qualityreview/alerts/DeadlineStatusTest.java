package com.qualityreview.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.qualityreview.review.Period;

import org.junit.jupiter.api.Test;

/** Whether the review met its deadline, and what is missing, from the review's state and its deliveries' counts. */
class DeadlineStatusTest {

    static final Period NOVEMBER = Period.month(2026, 11);
    static final Instant DEADLINE = Instant.parse("2026-12-01T07:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-12-01T06:59:59Z");
    static final Instant AFTER = Instant.parse("2026-12-01T07:00:01Z");

    static DeadlineStatus judge(Instant now, ReviewState review, DeliveryCounts deliveries) {
        return DeadlineStatus.judge(NOVEMBER, DEADLINE, now, review, deliveries, DeadlineRuleTest.UTC_DEFAULT);
    }

    @Test
    void beforeTheDeadlineWorkNotDoneIsPendingNotMissed() {
        DeadlineStatus status = judge(BEFORE, new ReviewState.NotStarted(), DeliveryCounts.NONE);

        assertThat(status.state()).isEqualTo(DeadlineStatus.State.PENDING);
        assertThat(status.missing()).containsExactly("the review of 2026-11 has not started");
    }

    @Test
    void noReviewAfterTheDeadlineIsMissedAsNotStarted() {
        DeadlineStatus status = judge(AFTER, new ReviewState.NotStarted(), DeliveryCounts.NONE);

        assertThat(status.state()).isEqualTo(DeadlineStatus.State.MISSED);
        assertThat(status.missing()).containsExactly("the review of 2026-11 has not started");
        assertThat(status.metAt()).isNull();
    }

    @Test
    void aRunningReviewIsMissedSayingSinceWhen() {
        DeadlineStatus status = judge(AFTER, new ReviewState.Running(2, Instant.parse("2026-12-01T06:00:00Z")), DeliveryCounts.NONE);

        assertThat(status.state()).isEqualTo(DeadlineStatus.State.MISSED);
        assertThat(status.missing()).containsExactly("the review of 2026-11 (revision 2) is still running, since 2026-12-01 06:00 UTC");
    }

    @Test
    void aReviewWhoseProcessDiedSaysWhichExecutionToRestart() {
        DeadlineStatus status = judge(AFTER, new ReviewState.Gone(1, 42, Instant.parse("2026-12-01T06:00:00Z")), DeliveryCounts.NONE);

        assertThat(status.missing()).containsExactly("the review of 2026-11 (revision 1, execution 42) stopped when its process died,"
                + " after starting at 2026-12-01 06:00 UTC: restart execution 42");
    }

    @Test
    void aFailedReviewNamesItsStepAndReason() {
        DeadlineStatus status = judge(AFTER, new ReviewState.Failed(1, 7, "FAILED", "renderReportsStep", "disk full"),
                DeliveryCounts.NONE);

        assertThat(status.state()).isEqualTo(DeadlineStatus.State.MISSED);
        assertThat(status.missing()).containsExactly("the review of 2026-11 (revision 1, execution 7) failed at step renderReportsStep: disk full");
    }

    @Test
    void aStoppedReviewSaysItWasStopped() {
        DeadlineStatus status = judge(AFTER, new ReviewState.Failed(3, 9, "STOPPED", "summariseSitesStep", null), DeliveryCounts.NONE);

        assertThat(status.missing()).containsExactly("the review of 2026-11 (revision 3, execution 9) was stopped at step summariseSitesStep");
    }

    @Test
    void aCompletedReviewWithDeliveriesNotSentCountsThemByState() {
        DeadlineStatus status = judge(AFTER, new ReviewState.Completed(1, Instant.parse("2026-12-01T06:30:00Z")),
                new DeliveryCounts(4, 2, 1, 3, Instant.parse("2026-12-01T06:31:00Z")));

        assertThat(status.state()).isEqualTo(DeadlineStatus.State.MISSED);
        assertThat(status.missing()).containsExactly("2 deliveries failed, 1 uncertain, 3 still pending (4 of 10 sent; 2026-11 revision 1)");
    }

    @Test
    void completedWithEveryDeliverySentByTheDeadlineIsMetAtTheLastSend() {
        Instant lastSent = Instant.parse("2026-12-01T06:45:00Z");
        DeadlineStatus status = judge(AFTER, new ReviewState.Completed(1, Instant.parse("2026-12-01T06:44:00Z")),
                new DeliveryCounts(5, 0, 0, 0, lastSent));

        assertThat(status.state()).isEqualTo(DeadlineStatus.State.MET);
        assertThat(status.missing()).isEmpty();
        assertThat(status.metAt()).isEqualTo(lastSent);
    }

    @Test
    void workDoneAfterTheDeadlineIsMetLate() {
        Instant resent = Instant.parse("2026-12-02T10:15:00Z");
        DeadlineStatus status = judge(Instant.parse("2026-12-03T00:00:00Z"),
                new ReviewState.Completed(1, Instant.parse("2026-12-01T06:44:00Z")), new DeliveryCounts(5, 0, 0, 0, resent));

        assertThat(status.state()).isEqualTo(DeadlineStatus.State.MET_LATE);
        assertThat(status.metAt()).isEqualTo(resent);
    }

    @Test
    void aCompletedReviewWithoutStakeholdersIsMetWhenItCompleted() {
        Instant finished = Instant.parse("2026-12-01T06:44:00Z");
        DeadlineStatus status = judge(BEFORE, new ReviewState.Completed(1, finished), DeliveryCounts.NONE);

        assertThat(status.state()).isEqualTo(DeadlineStatus.State.MET);
        assertThat(status.metAt()).isEqualTo(finished);
    }

    @Test
    void anExitDescriptionReadsWithoutItsExceptionClassAndStackTrace() {
        assertThat(WatchedWork.firstLine("java.lang.IllegalStateException: cannot write summary.csv: disk full\n\tat com.x.Y.z(Y.java:1)"))
                .isEqualTo("cannot write summary.csv: disk full");
        assertThat(WatchedWork.firstLine("plain words")).isEqualTo("plain words");
        assertThat(WatchedWork.firstLine("  ")).isNull();
    }
}
