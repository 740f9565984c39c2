package com.qualityreview.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.stream.IntStream;

import com.qualityreview.review.ReviewResults.ScopeKey;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ScopeRangesTest {

    @Test
    void sixScopesInFourRangesGiveTheFirstTwoRangesOneMore() {
        // 6 = 4 × 1 + 2: the first 2 ranges hold 2 scopes, the other 2 hold 1.
        assertThat(ScopeRanges.cut(6, 4)).containsExactly(new ScopeRanges.Range("p00", 0, 2), new ScopeRanges.Range("p01", 2, 4),
                new ScopeRanges.Range("p02", 4, 5), new ScopeRanges.Range("p03", 5, 6));
    }

    @Test
    void rangesCoverEveryScopeExactlyOnceInOrderWithSizesDifferingByAtMostOne() {
        for (int scopes = 0; scopes <= 60; scopes++) {
            for (int count = 1; count <= 16; count++) {
                List<ScopeRanges.Range> ranges = ScopeRanges.cut(scopes, count);
                assertThat(ranges).as(scopes + " in " + count).hasSize(count);
                List<Integer> covered = new ArrayList<>();
                ranges.forEach(range -> IntStream.range(range.from(), range.to()).forEach(covered::add));
                assertThat(covered).as(scopes + " in " + count).containsExactlyElementsOf(IntStream.range(0, scopes).boxed().toList());
                IntSummaryStatistics sizes = ranges.stream().mapToInt(ScopeRanges.Range::size).summaryStatistics();
                assertThat(sizes.getMax() - sizes.getMin()).as(scopes + " in " + count).isLessThanOrEqualTo(1);
                assertThat(ScopeRanges.cut(scopes, count)).as("the same ranges again").isEqualTo(ranges);
            }
        }
    }

    @Test
    void fewerScopesThanPartitionsLeavesTheLastRangesEmpty() {
        assertThat(ScopeRanges.cut(2, 3)).extracting(ScopeRanges.Range::size).containsExactly(1, 1, 0);
    }

    @Test
    void partitionNamesAreZeroPaddedSoThatTheySortInOrder() {
        assertThat(ScopeRanges.cut(5, 2)).extracting(ScopeRanges.Range::name).containsExactly("p00", "p01");
        List<String> names = ScopeRanges.cut(500, 120).stream().map(ScopeRanges.Range::name).toList();
        assertThat(names).startsWith("p000", "p001").endsWith("p119").isSorted();
    }

    @Test
    void noRangesWithoutPartitions() {
        assertThatThrownBy(() -> ScopeRanges.cut(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartitionTakesItsScopesOutOfTheListItWasCutFrom() {
        List<ScopeKey> scopes = List.of(new ScopeKey("ORG", "ORG"), new ScopeKey("REGION", "R1"), new ScopeKey("SITE", "A"));
        ExecutionContext partition = new ExecutionContext();
        partition.putInt(ScopeRangePartitioner.FROM, 1);
        partition.putInt(ScopeRangePartitioner.TO, 3);
        partition.putString(ScopeRangePartitioner.FIRST, "REGION:R1");
        partition.putString(ScopeRangePartitioner.LAST, "SITE:A");

        assertThat(ScopeRangePartitioner.rangeOf(partition, scopes)).containsExactly(scopes.get(1), scopes.get(2));
        // A list that is no longer the one the ranges were cut from (a scope more before the range) is refused, not rendered shifted.
        List<ScopeKey> shifted = List.of(scopes.get(0), new ScopeKey("REGION", "R0"), scopes.get(1), scopes.get(2));
        assertThatThrownBy(() -> ScopeRangePartitioner.rangeOf(partition, shifted)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scopes 1 to 3 of 4 were REGION:R1 to SITE:A");
    }
}
