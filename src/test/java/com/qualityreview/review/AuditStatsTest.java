package com.qualityreview.review;

import com.qualityreview.review.rating.MandatoryCriterionStatus;
import com.qualityreview.review.rating.MandatoryStatus;
import com.qualityreview.review.metrics.AuditResult;
import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.Dimension;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.review.metrics.ScopeFigures;
import com.qualityreview.review.metrics.Sums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * <pre>
 * Criteria: C1 Greeting 2 points never mandatory; C2 Cleanliness 3 points from 3 stars;
 *           C3 Safety 5 points from 1 star; C4 Records 1 point from 4 stars.
 * Site A: audit A-1: C1 PASS, C2 PASS, C3 FAIL, C4 NA; audit A-2: C1 FAIL, C2 NA, C3 PASS
 *   audit_count 2; PASS points 2+3+5 = 10; PASS+FAIL points 2+3+5+2+5 = 17 -> 1000/17 = 58.82352941176471 %
 *   mandatory: C3 FAILED (one FAIL), C2 MET, C4 NOT_ASSESSED (NA only); C1 not listed
 * Site B: no audits -> count 0, score no data, every mandatory criterion NOT_ASSESSED
 * Site C: audit C-1: C1 NA only -> count 1, score no data (not 0)
 * </pre>
 */
public class AuditStatsTest {

    static final Criterion C1 = new Criterion("C1", "Greeting", Dimension.RESPONSIVENESS, 2, 0);
    static final Criterion C2 = new Criterion("C2", "Cleanliness", Dimension.TANGIBLES, 3, 3);
    static final Criterion C3 = new Criterion("C3", "Safety", Dimension.ASSURANCE, 5, 1);
    static final Criterion C4 = new Criterion("C4", "Records", Dimension.RELIABILITY, 1, 4);
    public static final List<Criterion> CRITERIA = List.of(C1, C2, C3, C4);

    public static AuditStats siteA() {
        return new AuditStats()
                .add("A-1", C1, AuditResult.PASS)
                .add("A-1", C2, AuditResult.PASS)
                .add("A-1", C3, AuditResult.FAIL)
                .add("A-1", C4, AuditResult.NA)
                .add("A-2", "C1", 2, 0, AuditResult.FAIL)
                .add("A-2", "C2", 3, 3, AuditResult.NA)
                .add("A-2", "C3", 5, 1, AuditResult.PASS);
    }

    @Test
    void scoreIsPassPointsOverPassAndFailPointsWithNaLeftOut() {
        AuditStats a = siteA();
        assertThat(a.auditCount()).isEqualTo(2);
        assertThat(a.passPoints()).isEqualTo(10);
        assertThat(a.assessedPoints()).isEqualTo(17);
        assertThat(a.auditScorePct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("58.82352941176471"));
    }

    @Test
    void mandatoryStatusListsEveryMandatoryCriterionIncludingNotAssessed() {
        assertThat(siteA().mandatoryStatuses(CRITERIA))
                .extracting(MandatoryCriterionStatus::criterionCode, MandatoryCriterionStatus::mandatoryFromStar,
                        MandatoryCriterionStatus::status)
                .containsExactly(
                        tuple("C3", 1, MandatoryStatus.FAILED),
                        tuple("C2", 3, MandatoryStatus.MET),
                        tuple("C4", 4, MandatoryStatus.NOT_ASSESSED));
    }

    @Test
    void aSiteWithNoAuditsHasNoScoreAndNothingAssessed() {
        AuditStats b = new AuditStats();
        assertThat(b.auditCount()).isZero();
        assertThat(b.auditScorePct()).isEmpty();
        assertThat(b.mandatoryStatuses(CRITERIA)).extracting(MandatoryCriterionStatus::status)
                .containsOnly(MandatoryStatus.NOT_ASSESSED).hasSize(3);
    }

    @Test
    void anAuditWithOnlyNaItemsCountsAsAnAuditButGivesNoScore() {
        AuditStats c = new AuditStats().add("C-1", C1, AuditResult.NA);
        assertThat(c.auditCount()).isEqualTo(1);
        assertThat(c.auditScorePct()).isEmpty();
    }

    @Test
    void regionMergesPointsAndAuditIds() {
        AuditStats other = new AuditStats()
                .add("D-1", C3, AuditResult.PASS)   // C3 PASS elsewhere does not undo A's FAIL
                .add("D-1", C4, AuditResult.PASS);  // C4 assessed in the region
        AuditStats region = new AuditStats().merge(siteA()).merge(new AuditStats()).merge(other);
        // audits, D-1; PASS points 10 + 5 + 1 = 16 of 17 + 6 = 23 -> 1600/23 = 69.56521739130435
        assertThat(region.auditCount()).isEqualTo(3);
        assertThat(region.auditScorePct()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("69.56521739130435"));
        assertThat(region.status("C3")).isEqualTo(MandatoryStatus.FAILED);
        assertThat(region.status("C4")).isEqualTo(MandatoryStatus.MET);
    }

    @Test
    void allPassIs100AndAllFailIs0() {
        assertThat(new AuditStats().add("X", C2, AuditResult.PASS).auditScorePct())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(new AuditStats().add("X", C2, AuditResult.FAIL).auditScorePct())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
    }

    @Test
    void invalidPointsAreRejected() {
        assertThatThrownBy(() -> new AuditStats().add("X", "C9", 0, 0, AuditResult.PASS)).hasMessageContaining("points");
        assertThatThrownBy(() -> new Criterion("C9", "x", Dimension.EMPATHY, 1, 6)).hasMessageContaining("mandatory_from_star");
    }

    @Test
    void itemsAddedInBulkWithoutIdsGiveTheSamePointsAndStatusesButNoAuditCount() {
        AuditStats bulk = new AuditStats()
                .add(C1, AuditResult.PASS, 1).add(C1, AuditResult.FAIL, 1)
                .add(C2, AuditResult.PASS, 1).add(C2, AuditResult.NA, 1)
                .add(C3, AuditResult.FAIL, 1).add(C3, AuditResult.PASS, 1)
                .add(C4, AuditResult.NA, 1);

        assertThat(bulk.passPoints()).isEqualTo(siteA().passPoints());
        assertThat(bulk.assessedPoints()).isEqualTo(siteA().assessedPoints());
        assertThat(bulk.mandatoryStatuses(CRITERIA)).isEqualTo(siteA().mandatoryStatuses(CRITERIA));
        assertThat(bulk.auditCount()).isZero(); // the review has the database count them
        assertThat(ScopeFigures.of(new FeedbackStats(), bulk, 2, List.of(), CRITERIA, QualityIndexWeights.DEFAULT).auditCount()).isEqualTo(2);
    }

    @Test
    void savedSumsReadBackWithoutTheAuditIds() {
        Sums sums = new Sums();
        siteA().writeSums(sums);

        AuditStats read = AuditStats.readSums(sums);

        assertThat(read.auditScorePct()).isEqualTo(siteA().auditScorePct());
        assertThat(read.mandatoryStatuses(CRITERIA)).isEqualTo(siteA().mandatoryStatuses(CRITERIA));
        assertThat(read.auditCount()).isZero();
        assertThat(sums.toMap()).doesNotContainKeys("A-1", "A-2").allSatisfy((name, value) -> assertThat(value).doesNotContain("A-"));
    }
}
