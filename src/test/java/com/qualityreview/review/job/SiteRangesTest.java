package com.qualityreview.review.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SiteRangesTest {

    static final List<String> SITES = List.of("S1", "S2", "S3", "S4", "S5", "S6");

    /** Every site in exactly one range, in order, the ranges contiguous and none empty. */
    static void assertCoverEverySiteOnce(List<SiteRanges.Range> ranges, List<String> sites) {
        List<String> covered = new ArrayList<>();
        int next = 0;
        for (SiteRanges.Range range : ranges) {
            assertThat(range.from()).isEqualTo(next);
            assertThat(range.sites()).isPositive();
            assertThat(range.firstSite()).isEqualTo(sites.get(range.from()));
            assertThat(range.lastSite()).isEqualTo(sites.get(range.to() - 1));
            covered.addAll(sites.subList(range.from(), range.to()));
            next = range.to();
        }
        assertThat(covered).isEqualTo(sites);
    }

    @Test
    void rangesAreBalancedByTheRowsOfTheirSitesPlusOneEach() {
        // Work (rows + 1): S1 10, S2 1, S3 1, S4 1, S5 1, S6 10 = 24; two ranges, even share 12:
        // after S1 10, S2 11, S3 12 (exactly the share) → S1–S3 (12) and S4–S6 (12).
        var ranges = SiteRanges.split(SITES, Map.of("S1", 9L, "S6", 9L), 2);

        assertCoverEverySiteOnce(ranges, SITES);
        assertThat(ranges).extracting(SiteRanges.Range::firstSite, SiteRanges.Range::lastSite, SiteRanges.Range::rows)
                .containsExactly(tuple("S1", "S3", 9L), tuple("S4", "S6", 9L));
    }

    @Test
    void aSiteWithMostOfTheRowsGetsARangeOfItsOwn() {
        // Work: S1 1, S2 1, S3 31, S4 1, S5 1, S6 1 = 36; three ranges, shares 12 and 24:
        // first cut: after S2 2, after S3 33 — 2 is nearer 12 (10 below) than 33 (21 above) → S1–S2;
        // second cut: a range has at least one site, S3, and 33 is past 24 already (after S4, 34, farther) → S3 alone; S4–S6 the rest.
        var ranges = SiteRanges.split(SITES, Map.of("S3", 30L), 3);

        assertCoverEverySiteOnce(ranges, SITES);
        assertThat(ranges).extracting(SiteRanges.Range::firstSite, SiteRanges.Range::lastSite)
                .containsExactly(tuple("S1", "S2"), tuple("S3", "S3"),
                        tuple("S4", "S6"));
    }

    @Test
    void withoutRowsTheSitesAreSharedEvenly() {
        // Work 1 each, 6 sites into 4: shares 1.5, 3, 4.5 → cuts after 1 (tie at 1.5 stays before), 3, 4 (tie) → 1, 2, 1, 2 sites.
        var ranges = SiteRanges.split(SITES, Map.of(), 4);

        assertCoverEverySiteOnce(ranges, SITES);
        assertThat(ranges).extracting(SiteRanges.Range::sites).containsExactly(1, 2, 1, 2);
    }

    @Test
    void morePartitionsThanSitesGiveOneRangePerSite() {
        var ranges = SiteRanges.split(SITES, Map.of("S1", 100L), 10);

        assertCoverEverySiteOnce(ranges, SITES);
        assertThat(ranges).hasSize(6).allSatisfy(range -> assertThat(range.sites()).isEqualTo(1));
    }

    @Test
    void oneSiteIsOneRangeAndNoSitesNone() {
        assertThat(SiteRanges.split(List.of("A"), Map.of("A", 5L), 4))
                .containsExactly(new SiteRanges.Range(0, 1, "A", "A", 5L));
        assertThat(SiteRanges.split(List.of(), Map.of(), 4)).isEmpty();
    }

    @Test
    void manySkewedSitesAreCoveredOnceWhateverTheNumberOfRanges() {
        List<String> sites = IntStream.range(0, 97).mapToObj(i -> String.format("S%03d", i)).toList();
        Map<String, Long> rows = new HashMap<>();
        sites.forEach(site -> rows.put(site, (long) (site.hashCode() % 7) * (site.endsWith("5") ? 1000 : 1)));
        for (int count = 1; count <= 20; count++) {
            var ranges = SiteRanges.split(sites, rows, count);
            assertThat(ranges).hasSize(count);
            assertCoverEverySiteOnce(ranges, sites);
            assertThat(SiteRanges.split(sites, rows, count)).as("the same ranges every time").isEqualTo(ranges);
        }
    }

    @Test
    void aPartitionCountBelowOneIsRefused() {
        assertThatThrownBy(() -> SiteRanges.split(SITES, Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
