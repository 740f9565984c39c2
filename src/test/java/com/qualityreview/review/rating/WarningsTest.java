package com.qualityreview.review.rating;

import com.qualityreview.review.TranslatableText;

import com.qualityreview.review.KpiAggregation;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.KpiDirection;
import com.qualityreview.review.metrics.KpiResult;
import com.qualityreview.review.metrics.ScopeFigures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WarningsTest {

    private static Optional<BigDecimal> v(String s) {
        return Optional.of(new BigDecimal(s));
    }

    private static ScopeFigures figures(long feedback, long complaints, Optional<BigDecimal> complaintRate,
                                        List<KpiResult> kpis, List<MandatoryCriterionStatus> mandatory) {
        return new ScopeFigures(feedback, v("4"), v("80"), v("30"), complaints, complaintRate, v("70"), v("5"), 1, v("90"),
                kpis, mandatory, v("80"));
    }

    private static ScopeFigures plain() {
        return figures(100, 1, v("1"), List.of(), List.of());
    }

    private static List<Warning> downgrade(Optional<Rating> previous, Rating current) {
        return Warnings.evaluate("S1", plain(), current, Optional.of(plain()), previous);
    }

    @Test
    void downgradeByOneLevelIsModerateAndByTwoOrMoreSevere() {
        assertThat(downgrade(Optional.of(Rating.STARS_4), Rating.STARS_3))
                .extracting(Warning::type, Warning::severity).containsExactly(tuple(WarningType.DOWNGRADE, Severity.MODERATE));
        assertThat(downgrade(Optional.of(Rating.STARS_4), Rating.STARS_2))
                .extracting(Warning::type, Warning::severity).containsExactly(tuple(WarningType.DOWNGRADE, Severity.SEVERE));
        assertThat(downgrade(Optional.of(Rating.STARS_5), Rating.STARS_0))
                .extracting(Warning::severity).containsExactly(Severity.SEVERE);
        assertThat(downgrade(Optional.of(Rating.STARS_4), Rating.STARS_3).get(0).details())
                .isEqualTo(TranslatableText.of("warning.text.DOWNGRADE", 4, 3));
    }

    @Test
    void noDowngradeWhenTheRatingHeldRoseOrHadNothingToFallFrom() {
        assertThat(downgrade(Optional.of(Rating.STARS_3), Rating.STARS_3)).isEmpty();
        assertThat(downgrade(Optional.of(Rating.STARS_2), Rating.STARS_4)).isEmpty();
        assertThat(downgrade(Optional.empty(), Rating.STARS_0)).isEmpty();
        assertThat(downgrade(Optional.of(Rating.UNRATED), Rating.STARS_0)).isEmpty();
        assertThat(downgrade(Optional.of(Rating.UNRATED), Rating.UNRATED)).isEmpty();
    }

    @Test
    void losingTheRatingForLackOfFeedbackIsAMinorDowngrade() {
        List<Warning> w = Warnings.evaluate("S1", figures(12, 0, v("0"), List.of(), List.of()), Rating.UNRATED,
                Optional.of(plain()), Optional.of(Rating.STARS_3));
        assertThat(w).extracting(Warning::type, Warning::severity).containsExactly(tuple(WarningType.DOWNGRADE, Severity.MINOR));
        assertThat(w.get(0).details()).isEqualTo(TranslatableText.of("warning.text.DOWNGRADE.unrated", 3, 12));
    }

    @Test
    void eachFailedMandatoryCriterionIsASevereWarning() {
        List<MandatoryCriterionStatus> mandatory = List.of(
                new MandatoryCriterionStatus("C3", "Safety", 1, MandatoryStatus.FAILED),
                new MandatoryCriterionStatus("C2", "Cleanliness", 3, MandatoryStatus.NOT_ASSESSED),
                new MandatoryCriterionStatus("C4", "Records", 4, MandatoryStatus.FAILED),
                new MandatoryCriterionStatus("C5", "Signage", 5, MandatoryStatus.MET));
        List<Warning> w = Warnings.evaluate("S1", figures(100, 1, v("1"), List.of(), mandatory), Rating.STARS_0,
                Optional.empty(), Optional.empty());
        assertThat(w).extracting(Warning::type, Warning::severity, Warning::subject).containsExactly(
                tuple(WarningType.MANDATORY_FAILED, Severity.SEVERE, Optional.of("C3")),
                tuple(WarningType.MANDATORY_FAILED, Severity.SEVERE, Optional.of("C4")));
        assertThat(w.get(0).details()).isEqualTo(TranslatableText.of("warning.text.MANDATORY_FAILED", "C3", 1, "Safety"));
    }

    private static List<Warning> spike(long complaints, String rateNow, Optional<BigDecimal> ratePrevious) {
        ScopeFigures now = figures(100, complaints, v(rateNow), List.of(), List.of());
        ScopeFigures before = figures(100, 0, ratePrevious, List.of(), List.of());
        return Warnings.evaluate("S1", now, Rating.STARS_3, Optional.of(before), Optional.of(Rating.STARS_3));
    }

    @Test
    void complaintSpikeWhenTheRateAtLeastDoublesWithAtLeastFiveComplaints() {
        // exactly doubled, exactly 5 complaints
        assertThat(spike(5, "5", v("2.5"))).extracting(Warning::type, Warning::severity)
                .containsExactly(tuple(WarningType.COMPLAINT_SPIKE, Severity.MODERATE));
        // Rates rounded to the 1 decimal they are shown with.
        assertThat(spike(5, "5", v("2.5")).get(0).details())
                .isEqualTo(TranslatableText.of("warning.text.COMPLAINT_SPIKE", new BigDecimal("5.0"), new BigDecimal("2.5"), 5));
        // less than doubled
        assertThat(spike(5, "4.99", v("2.5"))).isEmpty();
        // doubled but only 4 complaints
        assertThat(spike(4, "8", v("2"))).isEmpty();
    }

    @Test
    void complaintSpikeFromZeroButNotFromNoData() {
        assertThat(spike(6, "6", v("0"))).extracting(Warning::type).containsExactly(WarningType.COMPLAINT_SPIKE);
        assertThat(spike(6, "6", Optional.empty())).isEmpty();
        ScopeFigures now = figures(100, 6, v("6"), List.of(), List.of());
        assertThat(Warnings.evaluate("S1", now, Rating.STARS_3, Optional.empty(), Optional.empty())).isEmpty();
    }

    private static KpiResult kpi(String code, KpiDirection direction, String target, String value) {
        KpiDefinition d = new KpiDefinition(code, "KPI " + code, "min", direction, new BigDecimal(target), KpiAggregation.MEAN);
        return new KpiResult(d, value == null ? Optional.empty() : v(value));
    }

    @Test
    void kpiMissBeyondTwentyPercentIsMinorOnePerKpi() {
        List<KpiResult> kpis = List.of(
                kpi("UP_MISS", KpiDirection.HIGHER_BETTER, "90", "71.5"),   // below 90 - 18 = 72
                kpi("UP_EDGE", KpiDirection.HIGHER_BETTER, "90", "72"),     // exactly 20 % off: no warning
                kpi("DOWN_MISS", KpiDirection.LOWER_BETTER, "10", "12.5"),  // above 10 + 2 = 12
                kpi("NO_VALUE", KpiDirection.LOWER_BETTER, "10", null));
        List<Warning> w = Warnings.evaluate("S1", figures(100, 1, v("1"), kpis, List.of()), Rating.STARS_3,
                Optional.empty(), Optional.empty());
        assertThat(w).extracting(Warning::type, Warning::severity, Warning::subject).containsExactly(
                tuple(WarningType.KPI_MISS, Severity.MINOR, Optional.of("DOWN_MISS")),
                tuple(WarningType.KPI_MISS, Severity.MINOR, Optional.of("UP_MISS")));
        // Value and target rounded by the unit (2 decimals for min), the unit with its space.
        assertThat(w.get(0).details()).isEqualTo(TranslatableText.of("warning.text.KPI_MISS", "KPI DOWN_MISS",
                new BigDecimal("12.50"), " min", "≤", new BigDecimal("10.00")));
    }

    @Test
    void aKpiMissShowsTargetAndValueRoundedByTheirUnitNotWithTheStoredSixDecimals() {
        KpiDefinition turnover = new KpiDefinition("TURNOVER", "Turnover", "%", KpiDirection.LOWER_BETTER, new BigDecimal("1.000000"),
                KpiAggregation.LAST);
        KpiDefinition sales = new KpiDefinition("SALES", "Sales", "k", KpiDirection.HIGHER_BETTER, new BigDecimal("900.000000"),
                KpiAggregation.SUM);
        List<Warning> w = Warnings.evaluate("S1", figures(100, 1, v("1"), List.of(new KpiResult(turnover, v("1.25")),
                new KpiResult(sales, v("1234.5678"))), List.of()), Rating.STARS_3, Optional.empty(), Optional.empty());

        assertThat(w).extracting(Warning::details).containsExactly(
                TranslatableText.of("warning.text.KPI_MISS", "Turnover", new BigDecimal("1.3"), "%", "≤", new BigDecimal("1.0")));
        List<Warning> missedSales = Warnings.evaluate("S1", figures(100, 1, v("1"), List.of(new KpiResult(sales, v("701.005"))),
                List.of()), Rating.STARS_3, Optional.empty(), Optional.empty());
        assertThat(missedSales).extracting(Warning::details).containsExactly(
                TranslatableText.of("warning.text.KPI_MISS", "Sales", new BigDecimal("701.01"), " k", "≥", new BigDecimal("900.00")));
    }

    @Test
    void aSitesWarningsComeMostSevereFirst() {
        List<KpiResult> kpis = List.of(kpi("K", KpiDirection.HIGHER_BETTER, "90", "10"));
        List<MandatoryCriterionStatus> mandatory = List.of(new MandatoryCriterionStatus("C3", "Safety", 1, MandatoryStatus.FAILED));
        ScopeFigures now = figures(100, 9, v("9"), kpis, mandatory);
        ScopeFigures before = figures(100, 1, v("1"), List.of(), List.of());
        List<Warning> w = Warnings.evaluate("S1", now, Rating.STARS_0, Optional.of(before), Optional.of(Rating.STARS_1));
        assertThat(w).extracting(Warning::type, Warning::severity).containsExactly(
                tuple(WarningType.MANDATORY_FAILED, Severity.SEVERE),
                tuple(WarningType.DOWNGRADE, Severity.MODERATE),
                tuple(WarningType.COMPLAINT_SPIKE, Severity.MODERATE),
                tuple(WarningType.KPI_MISS, Severity.MINOR));
    }

    @Test
    void sitesAtRiskFirstOrdersByMostSevereThenByNumberOfWarnings() {
        Warning minorX = new Warning("X", WarningType.KPI_MISS, Severity.MINOR, Optional.of("K"), TranslatableText.of("m"));
        Warning moderateY = new Warning("Y", WarningType.DOWNGRADE, Severity.MODERATE, Optional.empty(), TranslatableText.of("m"));
        Warning severeW = new Warning("W", WarningType.MANDATORY_FAILED, Severity.SEVERE, Optional.of("C1"), TranslatableText.of("m"));
        Warning severeZ = new Warning("Z", WarningType.MANDATORY_FAILED, Severity.SEVERE, Optional.of("C1"), TranslatableText.of("m"));
        Warning minorZ = new Warning("Z", WarningType.KPI_MISS, Severity.MINOR, Optional.of("K"), TranslatableText.of("m"));
        Warning severeA = new Warning("A", WarningType.DOWNGRADE, Severity.SEVERE, Optional.empty(), TranslatableText.of("m"));

        List<SiteWarnings> atRisk = Warnings.sitesAtRisk(List.of(minorX, moderateY, severeW, minorZ, severeZ, severeA));
        // Z: SEVERE + MINOR; A and W: one SEVERE each (by code); then Y (MODERATE); then X (MINOR)
        assertThat(atRisk).extracting(SiteWarnings::siteCode).containsExactly("Z", "A", "W", "Y", "X");
        assertThat(atRisk.get(0).warnings()).containsExactly(severeZ, minorZ);
        assertThat(atRisk.get(0).highestSeverity()).isEqualTo(Severity.SEVERE);
    }

    /** A warning as the sites-at-risk order reads it: site, severity, periods running, type and subject. */
    private record Stored(String site, Severity severity, int running, WarningType type, String subject) {
        Warnings.AtRisk read() {
            return new Warnings.AtRisk(site, severity, running, type, subject);
        }
    }

    @Test
    void sitesAtRiskPutTheLongestRunningProblemOfTheHighestSeverityFirstThenCountTheirWarnings() {
        Stored newSevereA = new Stored("A", Severity.SEVERE, 1, WarningType.DOWNGRADE, "");
        Stored severeB = new Stored("B", Severity.SEVERE, 3, WarningType.MANDATORY_FAILED, "C1");
        Stored newSevereC = new Stored("C", Severity.SEVERE, 1, WarningType.MANDATORY_FAILED, "C1");
        Stored newSevereC2 = new Stored("C", Severity.SEVERE, 1, WarningType.MANDATORY_FAILED, "C2");
        Stored moderateD = new Stored("D", Severity.MODERATE, 5, WarningType.COMPLAINT_SPIKE, "");
        Stored minorB = new Stored("B", Severity.MINOR, 7, WarningType.KPI_MISS, "K");
        Stored olderSevereB = new Stored("B", Severity.SEVERE, 4, WarningType.MANDATORY_FAILED, "C2");

        List<List<Stored>> atRisk = Warnings.sitesAtRisk(List.of(newSevereA, severeB, newSevereC, newSevereC2, moderateD, minorB,
                olderSevereB), Stored::read);

        // B: a SEVERE warning in its 4th period; C: two new SEVERE (more SEVERE than A); A: one new SEVERE;
        // D: MODERATE only, however long it runs. B's warnings: SEVERE 4, SEVERE 3, then MINOR (longer, less severe).
        assertThat(atRisk).containsExactly(List.of(olderSevereB, severeB, minorB), List.of(newSevereC, newSevereC2),
                List.of(newSevereA), List.of(moderateD));
    }
}
