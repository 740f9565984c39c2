package com.qualityreview.review.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void percentagesAndIndexesOneDecimalMeansTwoHalfUp() {
        assertThat(Display.percent(new BigDecimal("66.66666666666667"))).isEqualTo(new BigDecimal("66.7"));
        assertThat(Display.percent(new BigDecimal("2.25"))).isEqualTo(new BigDecimal("2.3"));
        assertThat(Display.percent(new BigDecimal("-12.35"))).isEqualTo(new BigDecimal("-12.4"));
        assertThat(Display.index(new BigDecimal("71.78571428571429"))).isEqualTo(new BigDecimal("71.8"));
        assertThat(Display.index(new BigDecimal("74.25"))).isEqualTo(new BigDecimal("74.3"));
        assertThat(Display.mean(new BigDecimal("3.666666666666667"))).isEqualTo(new BigDecimal("3.67"));
        assertThat(Display.mean(new BigDecimal("2.345"))).isEqualTo(new BigDecimal("2.35"));
        assertThat(Display.mean(new BigDecimal("5"))).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void noDataStaysNoData() {
        assertThat(Display.percent(Optional.empty())).isEmpty();
        assertThat(Display.text(Display.mean(Optional.empty()), "–")).isEqualTo("–");
        assertThat(Display.text(Display.mean(Optional.of(new BigDecimal("0"))), "–")).isEqualTo("0.00");
    }
}
