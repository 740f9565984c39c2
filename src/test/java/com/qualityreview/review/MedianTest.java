package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MedianTest {

    private static List<BigDecimal> values(String... v) {
        return Stream.of(v).map(BigDecimal::new).toList();
    }

    @Test
    void evenCountIsTheMeanOfTheTwoMiddleValues() {
        // sorted 2, 4, 6, 10 -> (4 + 6) / 2 = 5
        assertThat(Median.of(values("2", "6", "10", "4"))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5"));
        // 0.5, 1.5, 2, 4, 6, 10 -> (2 + 4) / 2 = 3
        assertThat(Median.of(values("0.5", "1.5", "2", "4", "6", "10"))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
        // 1, 2 -> 1.5 (exact, not rounded)
        assertThat(Median.of(values("2", "1"))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1.5"));
        // 0.1, 0.2 -> 0.15
        assertThat(Median.of(values("0.2", "0.1"))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.15"));
    }

    @Test
    void oddCountIsTheMiddleValue() {
        assertThat(Median.of(values("9", "1", "3"))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
        assertThat(Median.of(values("7.25"))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("7.25"));
    }

    @Test
    void noValuesIsNoData() {
        assertThat(Median.of(List.of())).isEmpty();
        assertThat(Median.ofSorted(Stream.empty(), 0)).isEmpty();
    }

    @Test
    void streamingReadsOnlyUpToTheMiddle() {
        // 1_000_001 values 0..1_000_000 sorted: median 500000; only 500001 values may be read
        long count = 1_000_001;
        long[] reads = {0};
        Iterator<BigDecimal> it = new Iterator<>() {
            long next = 0;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public BigDecimal next() {
                reads[0]++;
                return BigDecimal.valueOf(next++);
            }
        };
        assertThat(Median.ofSorted(it, count)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("500000"));
        assertThat(reads[0]).isEqualTo(500_001);
    }

    @Test
    void streamingChecksOrderAndCount() {
        // only the values up to the middle are read, so disorder is detected there
        assertThatThrownBy(() -> Median.ofSorted(values("3", "1", "2").iterator(), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not sorted");
        assertThatThrownBy(() -> Median.ofSorted(values("1").iterator(), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 4 values");
    }
}
