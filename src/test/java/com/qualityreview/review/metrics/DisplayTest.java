package com.qualityreview.review.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
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

    @Test
    void formattedForAReaderWithTheLocalesGroupingRoundedHalfUp() {
        assertThat(Display.format(new BigDecimal("12345.65"), 1, Locale.ENGLISH)).isEqualTo("12,345.7");
        assertThat(Display.format(new BigDecimal("12345.65"), 1, Locale.forLanguageTag("zh-CN"))).isEqualTo("12,345.7");
        assertThat(Display.format(new BigDecimal("12345.65"), 1, Locale.GERMAN)).isEqualTo("12.345,7");
        assertThat(Display.format(new BigDecimal("-12.35"), 1, Locale.ENGLISH)).isEqualTo("-12.4");
        assertThat(Display.format(new BigDecimal("2302"), Display.COUNT_DECIMALS, Locale.ENGLISH)).isEqualTo("2,302");
        assertThat(Display.format(new BigDecimal("4"), Display.MEAN_DECIMALS, Locale.ENGLISH)).isEqualTo("4.00");
    }

    @Test
    void aKpiIsShownWithOneDecimalInPercentAndTwoInAnyOtherUnit() {
        assertThat(Display.kpi(new BigDecimal("1.000000"), "%", Locale.ENGLISH)).isEqualTo("1.0%");
        assertThat(Display.kpi(new BigDecimal("97.45"), " % ", Locale.ENGLISH)).isEqualTo("97.5%");
        assertThat(Display.kpi(new BigDecimal("900.000000"), "k", Locale.ENGLISH)).isEqualTo("900.00 k");
        assertThat(Display.kpi(new BigDecimal("1234.5"), "hours", Locale.ENGLISH)).isEqualTo("1,234.50 hours");
        assertThat(Display.kpi(new BigDecimal("8.005"), "", Locale.ENGLISH)).isEqualTo("8.01");
        assertThat(Display.kpi(new BigDecimal("8.005"), null, Locale.ENGLISH)).isEqualTo("8.01");
    }
}
