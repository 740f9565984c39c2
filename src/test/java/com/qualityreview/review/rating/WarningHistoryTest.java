package com.qualityreview.review.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.qualityreview.review.Period;
import com.qualityreview.review.rating.WarningHistory.Identity;
import com.qualityreview.review.rating.WarningHistory.Outcome;
import com.qualityreview.review.rating.WarningHistory.Tracked;

import org.junit.jupiter.api.Test;

/** The history rule of warnings: docs/review.md, Warnings > History. */
class WarningHistoryTest {

    private static final Period OCTOBER = Period.parse("2026-10");
    private static final Period NOVEMBER = Period.parse("2026-11");
    private static final Period DECEMBER = Period.parse("2026-12");
    private static final Period JANUARY = Period.parse("2027-01");
    private static final Identity SAFE_FAILED = new Identity("A", WarningType.MANDATORY_FAILED, "SAFE");
    private static final Set<String> SITES = Set.of("A", "B");

    /** The review of {@code period} after {@code previous}: its warnings as stored, current then resolved. */
    private static List<Tracked> review(Period period, List<Tracked> previous, Identity... current) {
        Outcome outcome = WarningHistory.track(period, previous, List.of(current), SITES);
        List<Tracked> stored = new ArrayList<>(outcome.current().values());
        stored.addAll(outcome.resolved());
        return stored;
    }

    @Test
    void withoutAPreviousReviewEveryWarningIsNewInItsPeriod() {
        assertThat(review(OCTOBER, List.of(), SAFE_FAILED))
                .containsExactly(new Tracked(SAFE_FAILED, WarningStatus.NEW, OCTOBER, 1));
    }

    @Test
    void aWarningOfConsecutiveReviewsContinuesFromItsFirstPeriodThenIsResolvedOnceAndNotCarriedFurther() {
        List<Tracked> october = review(OCTOBER, List.of(), SAFE_FAILED);
        List<Tracked> november = review(NOVEMBER, october, SAFE_FAILED);
        List<Tracked> december = review(DECEMBER, november, SAFE_FAILED);
        List<Tracked> january = review(JANUARY, december);
        List<Tracked> february = review(Period.parse("2027-02"), january);

        assertThat(november).containsExactly(new Tracked(SAFE_FAILED, WarningStatus.CONTINUING, OCTOBER, 2));
        assertThat(december).containsExactly(new Tracked(SAFE_FAILED, WarningStatus.CONTINUING, OCTOBER, 3));
        // Resolved as it last stood: since October, 3 periods.
        assertThat(january).containsExactly(new Tracked(SAFE_FAILED, WarningStatus.RESOLVED, OCTOBER, 3));
        assertThat(february).isEmpty();
    }

    @Test
    void aWarningBackAfterItWasResolvedIsNewAgain() {
        List<Tracked> january = List.of(new Tracked(SAFE_FAILED, WarningStatus.RESOLVED, OCTOBER, 3));

        assertThat(review(Period.parse("2027-02"), january, SAFE_FAILED))
                .containsExactly(new Tracked(SAFE_FAILED, WarningStatus.NEW, Period.parse("2027-02"), 1));
    }

    @Test
    void anotherCriterionOrKindOrSiteIsAnotherWarning() {
        Identity otherCriterion = new Identity("A", WarningType.MANDATORY_FAILED, "CLEAN");
        Identity otherKind = new Identity("A", WarningType.KPI_MISS, "SAFE");
        Identity otherSite = new Identity("B", WarningType.MANDATORY_FAILED, "SAFE");
        List<Tracked> october = review(OCTOBER, List.of(), SAFE_FAILED);

        assertThat(review(NOVEMBER, october, otherCriterion, otherKind, otherSite)).containsExactly(
                new Tracked(otherCriterion, WarningStatus.NEW, NOVEMBER, 1),
                new Tracked(otherKind, WarningStatus.NEW, NOVEMBER, 1),
                new Tracked(otherSite, WarningStatus.NEW, NOVEMBER, 1),
                new Tracked(SAFE_FAILED, WarningStatus.RESOLVED, OCTOBER, 1));
    }

    @Test
    void aWarningWithoutSubjectIsTheSameWhetherItsSubjectIsNullOrEmpty() {
        Identity downgrade = new Identity("A", WarningType.DOWNGRADE, null);
        List<Tracked> october = review(OCTOBER, List.of(), downgrade);

        assertThat(review(NOVEMBER, october, new Identity("A", WarningType.DOWNGRADE, "")))
                .containsExactly(new Tracked(downgrade, WarningStatus.CONTINUING, OCTOBER, 2));
    }

    @Test
    void aSiteNotReviewedNowHasNothingResolved() {
        Identity gone = new Identity("GONE", WarningType.MANDATORY_FAILED, "SAFE");
        List<Tracked> october = review(OCTOBER, List.of(), gone);

        assertThat(review(NOVEMBER, october)).isEmpty();
    }
}
