package com.qualityreview.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.qualityreview.reporting.CategoryNames;
import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewResult;

import org.junit.jupiter.api.Test;

/**
 * The key drivers as the executive report words them (minimum of rows 100): the fix-first line in
 * its three forms, r with or without its interval, "too few rows" below the minimum, and the chart's
 * points (only the dimensions with an r).
 */
class KeyDriversWordingTest {

    private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    static ReviewResult.Driver driver(int rank, String dimension, long n, String r, String low, String high, String mean,
            String quadrant) {
        return new ReviewResult.Driver(rank, dimension, n, decimal(r), decimal(low), decimal(high), decimal(mean), quadrant);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> executive(List<ReviewResult.Driver> drivers, Locale locale) {
        ReviewResult.Figures none = new ReviewResult.Figures(0, null, null, new long[5], null, null, null, null, null, null, 0, null,
                null, null, null, 0, null, null, null, null, null, null);
        ReviewResult.Scope organisation = new ReviewResult.Scope("ORG", "ORG", "Organisation", null, none, null, Map.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, 0, List.of(), drivers);
        ReviewResult result = new ReviewResult(Period.parse("2026-10"), 1, ZoneId.of("UTC"), null, organisation, List.of(), List.of(),
                List.of(), List.of());
        return new ReportModel(result, locale, ZonedDateTime.now(ZoneId.of("UTC")), CategoryNames.NONE, 100).executive();
    }

    /** Two dimensions to concentrate on: the one ranked first (highest r) is fixed first. */
    static final List<ReviewResult.Driver> CONCENTRATE = List.of(
            driver(1, "ASSURANCE", 400, "0.61", "0.5436", "0.6693", "4.4", "KEEP_UP_THE_GOOD_WORK"),
            driver(2, "EMPATHY", 400, "0.6076", "0.54", "0.67", "3.1", "CONCENTRATE_HERE"),
            driver(3, "RELIABILITY", 400, "0.6", "0.53", "0.66", "3.0", "CONCENTRATE_HERE"),
            driver(4, "TANGIBLES", 3, "-0.5", null, null, "4.5", "POSSIBLE_OVERKILL"),
            driver(5, "RESPONSIVENESS", 400, null, null, null, "3", null));

    @Test
    void theFirstDimensionToConcentrateOnIsFixedFirstInEachLanguage() {
        assertThat(executive(CONCENTRATE, Locale.ENGLISH).get("driversFixFirst")).isEqualTo("Fix first: Empathy");
        assertThat(executive(CONCENTRATE, CHINESE).get("driversFixFirst")).isEqualTo("优先改进：移情性");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTableShowsRWithItsIntervalRoundedForDisplayAndTheChartOnlyTheDimensionsWithAnR() {
        Map<String, Object> p = executive(CONCENTRATE, Locale.ENGLISH);

        List<Map<String, Object>> rows = (List<Map<String, Object>>) p.get("drivers");
        assertThat(rows).extracting(row -> row.get("dimension"), row -> row.get("r"), row -> row.get("mean"), row -> row.get("quadrant"))
                .containsExactly(
                        tuple("Assurance", "0.61 [0.54, 0.67]", "4.40", "Keep up the good work"),
                        tuple("Empathy", "0.61 [0.54, 0.67]", "3.10", "Concentrate here"),
                        tuple("Reliability", "0.60 [0.53, 0.66]", "3.00", "Concentrate here"),
                        // fewer than 4 rows: r without an interval
                        tuple("Tangibles", "-0.50", "4.50", "Possible overkill"),
                        // enough rows but no variance: no r
                        tuple("Responsiveness", "\u2014", "3.00", ""));
        assertThat((List<Map<String, Object>>) p.get("driverPoints")).extracting(row -> row.get("dimension"))
                .containsExactly("Assurance", "Empathy", "Reliability", "Tangibles");
    }

    @Test
    void withoutADimensionToConcentrateOnTheReportSaysSo() {
        List<ReviewResult.Driver> none = List.of(
                driver(1, "ASSURANCE", 400, "0.61", "0.54", "0.67", "4.4", "KEEP_UP_THE_GOOD_WORK"),
                driver(2, "EMPATHY", 400, "0.2", "0.1", "0.29", "3.1", "LOW_PRIORITY"));

        assertThat(executive(none, Locale.ENGLISH).get("driversFixFirst")).isEqualTo("Fix first: no dimension to concentrate on");
        assertThat(executive(none, CHINESE).get("driversFixFirst")).isEqualTo("优先改进：没有需要重点改进的维度");
    }

    /** Below the minimum of 100: no r; the line names the largest count, each row its own. */
    @Test
    @SuppressWarnings("unchecked")
    void belowTheMinimumTheReportSaysTooFewRowsWithTheCountAndTheMinimum() {
        List<ReviewResult.Driver> few = List.of(
                driver(1, "RELIABILITY", 40, null, null, null, "3.2", null),
                driver(2, "RESPONSIVENESS", 99, null, null, null, "3.5", null));

        Map<String, Object> english = executive(few, Locale.ENGLISH);
        assertThat(english.get("driversFixFirst")).isEqualTo("Fix first: too few rows (99 of 100)");
        assertThat((List<Map<String, Object>>) english.get("drivers")).extracting(row -> row.get("r"))
                .containsExactly("too few rows (40 of 100)", "too few rows (99 of 100)");
        assertThat(executive(few, CHINESE).get("driversFixFirst")).isEqualTo("优先改进：行数不足（99/100）");
    }
}
