package com.qualityreview.review.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DataIncompleteTest {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    @Test
    void exactlyTheShareOfThePreviousPeriodIsComplete() {
        assertThat(DataIncomplete.assess(50, 100, HALF)).isEmpty();
        assertThat(DataIncomplete.assess(3, 10, new BigDecimal("0.3"))).isEmpty();
    }

    @Test
    void oneRowUnderTheShareIsLowVolume() {
        assertThat(DataIncomplete.assess(49, 100, HALF)).contains(DataIncomplete.LOW_VOLUME);
        assertThat(DataIncomplete.assess(2, 10, new BigDecimal("0.3"))).contains(DataIncomplete.LOW_VOLUME);
    }

    @Test
    void noRowsIsIncompleteWhateverThePreviousPeriodHad() {
        assertThat(DataIncomplete.assess(0, 100, HALF)).contains(DataIncomplete.NO_ROWS);
        assertThat(DataIncomplete.assess(0, 0, HALF)).contains(DataIncomplete.NO_ROWS);
        assertThat(DataIncomplete.assess(0, 0, BigDecimal.ZERO)).contains(DataIncomplete.NO_ROWS);
    }

    @Test
    void withoutPreviousRowsAnyRowsAreComplete() {
        assertThat(DataIncomplete.assess(1, 0, HALF)).isEmpty();
    }

    @Test
    void shareZeroFlagsOnlyMissingRowsAndShareOneAnyDrop() {
        assertThat(DataIncomplete.assess(1, 1000, BigDecimal.ZERO)).isEmpty();
        assertThat(DataIncomplete.assess(99, 100, BigDecimal.ONE)).contains(DataIncomplete.LOW_VOLUME);
        assertThat(DataIncomplete.assess(100, 100, BigDecimal.ONE)).isEqualTo(Optional.empty());
    }
}
