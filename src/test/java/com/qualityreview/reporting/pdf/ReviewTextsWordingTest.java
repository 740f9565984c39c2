package com.qualityreview.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import com.qualityreview.reporting.CategoryNames;
import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.TranslatableText;
import com.qualityreview.review.rating.MandatoryStatus;
import com.qualityreview.review.rating.Threshold;

import org.junit.jupiter.api.Test;

/**
 * The review's texts (warning details, compliance values) worded in each report language from their
 * keys and arguments, exactly as the reports and emails print them.
 */
class ReviewTextsWordingTest {

    private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    private static String worded(TranslatableText text, Locale locale) {
        return model("2026-10", locale).text(text);
    }

    @Test
    void aDowngradeIsWordedInEachLanguage() {
        TranslatableText fell = TranslatableText.of("warning.text.DOWNGRADE", 4, 1);
        TranslatableText unrated = TranslatableText.of("warning.text.DOWNGRADE.unrated", 3, 12);

        assertThat(worded(fell, Locale.ENGLISH)).isEqualTo("Rating fell from 4★ to 1★");
        assertThat(worded(fell, CHINESE)).isEqualTo("星级由 4★ 降至 1★");
        assertThat(worded(unrated, Locale.ENGLISH)).isEqualTo("No longer rated (was 3★): only 12 feedback rows in the period");
        assertThat(worded(unrated, CHINESE)).isEqualTo("不再评级（原为 3★）：本期仅有 12 条反馈");
    }

    @Test
    void aFailedMandatoryCriterionIsWordedWithItsCodeAndName() {
        TranslatableText failed = TranslatableText.of("warning.text.MANDATORY_FAILED", "HYGIENE", 2, "Store and restrooms clean 门店及洗手间清洁");

        assertThat(worded(failed, Locale.ENGLISH))
                .isEqualTo("Mandatory criterion HYGIENE (Store and restrooms clean 门店及洗手间清洁) failed (mandatory from 2★)");
        assertThat(worded(failed, CHINESE)).isEqualTo("强制项 HYGIENE（Store and restrooms clean 门店及洗手间清洁）未达标（自 2★ 起为强制项）");
        assertThat(worded(TranslatableText.of("warning.text.MANDATORY_FAILED.unnamed", "C01", 1), CHINESE))
                .isEqualTo("强制项 C01 未达标（自 1★ 起为强制项）");
    }

    @Test
    void aKpiMissAndAComplaintSpikeShowTheirNumbersInTheLocalesDigitsWithTheirRoundedDecimals() {
        TranslatableText miss = TranslatableText.of("warning.text.KPI_MISS", "Average waiting time", new BigDecimal("12345.50"), " min",
                "≤", new BigDecimal("8"));
        TranslatableText spike = TranslatableText.of("warning.text.COMPLAINT_SPIKE", new BigDecimal("5.0"), new BigDecimal("2.5"), 1200);

        assertThat(worded(miss, Locale.ENGLISH))
                .isEqualTo("KPI Average waiting time at 12,345.50 min against target ≤ 8 min: missed by more than 20%");
        assertThat(worded(miss, CHINESE)).isEqualTo("KPI Average waiting time 为 12,345.50 min，目标 ≤ 8 min：未达标幅度超过 20%");
        assertThat(worded(spike, Locale.ENGLISH)).isEqualTo("Complaint rate 5.0% against 2.5% in the previous period (1,200 complaints)");
        assertThat(worded(spike, CHINESE)).isEqualTo("投诉率 5.0%，上期为 2.5%（本期投诉 1,200 起）");
        assertThat(worded(spike, Locale.GERMAN)).as("a locale's own digits, in the default bundle's words")
                .isEqualTo("Complaint rate 5,0% against 2,5% in the previous period (1.200 complaints)");
    }

    @Test
    void whatANextStarRequiresIsWordedInEachLanguage() {
        TranslatableText kpisMet = TranslatableText.of("requirement.actual.kpisMet", 4, 5);
        TranslatableText allKpis = TranslatableText.of("requirement.required.allKpisMet");
        TranslatableText atLeast = TranslatableText.of("requirement.required.atLeast", new BigDecimal("4.10"));
        TranslatableText mandatory = TranslatableText.of("requirement.mandatory", "Safety");

        assertThat(worded(kpisMet, Locale.ENGLISH)).isEqualTo("4 of 5 met");
        assertThat(worded(kpisMet, CHINESE)).isEqualTo("5 项中 4 项达标");
        assertThat(worded(allKpis, Locale.ENGLISH)).isEqualTo("all KPIs met (at least one with a value)");
        assertThat(worded(allKpis, CHINESE)).isEqualTo("所有 KPI 达标（至少一项有数据）");
        assertThat(worded(atLeast, CHINESE)).isEqualTo("≥ 4.10");
        assertThat(worded(mandatory, CHINESE)).isEqualTo("强制项：Safety");
        assertThat(worded(TranslatableText.of("requirement.actual.noKpiValue"), CHINESE)).isEqualTo("无 KPI 数据");
    }

    @Test
    void aKeyThisVersionDoesNotKnowShowsAsKeyAndArguments() {
        assertThat(worded(TranslatableText.of("warning.text.FUTURE", "X", 3), CHINESE)).isEqualTo("warning.text.FUTURE [X, 3]");
    }

    @Test
    void storedArgumentsReadBackAsTheyWereWrittenWithTheirDecimals() {
        TranslatableText text = TranslatableText.of("warning.text.KPI_MISS", "Wait 等待", new BigDecimal("12.50"), "", "≤", 8);

        assertThat(TranslatableText.fromStored(text.key(), text.storedArguments())).isEqualTo(text);
        assertThat(TranslatableText.fromStored("noData", "")).isEqualTo(TranslatableText.of("noData"));
    }

    @Test
    void everyKeyTheReviewStatesIsWordedInEveryReportLanguage() {
        List<String> keys = new java.util.ArrayList<>(List.of("warning.text.DOWNGRADE", "warning.text.DOWNGRADE.unrated",
                "warning.text.MANDATORY_FAILED", "warning.text.MANDATORY_FAILED.unnamed", "warning.text.COMPLAINT_SPIKE",
                "warning.text.KPI_MISS", "requirement.value", "requirement.actual.kpisMet", "requirement.actual.noKpiValue",
                "requirement.required.allKpisMet", "requirement.required.atLeast", "requirement.required.atMost", "noData",
                "requirement.mandatory", "requirement.minimum-feedback", "requirement.all-kpis-met"));
        for (Threshold threshold : Threshold.values()) {
            keys.add("requirement." + threshold.key());
        }
        for (MandatoryStatus status : MandatoryStatus.values()) {
            keys.add("status." + status);
        }
        for (Locale locale : List.of(Locale.ENGLISH, CHINESE)) {
            assertThat(keys).as(locale.toLanguageTag()).allSatisfy(key -> assertThat(ReportTemplates.messages(locale).containsKey(key)).as(key).isTrue());
        }
    }

    @Test
    void theParetoChartNamesEachCategoryInTheReadersLanguageOrShowsItsCode() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("categories", ".yml");
        java.nio.file.Files.writeString(file, "WAIT_TIME: {en: Waiting time, zh-CN: 等待时间}\n");
        ReviewResult.Figures none = new ReviewResult.Figures(0, null, null, new long[5], null, null, null, null, null, null, 0, null,
                null, null, null, 0, null, null, null, null, null, null);
        ReviewResult.Scope organisation = new ReviewResult.Scope("ORG", "ORG", "Organisation", null, none, null, java.util.Map.of(),
                List.of(new ReviewResult.Pareto("WAIT_TIME", 3, new BigDecimal("75"), new BigDecimal("75"), true),
                        new ReviewResult.Pareto("PARKING", 1, new BigDecimal("25"), new BigDecimal("100"), false)),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, 0, List.of(), List.of());
        ReviewResult result = new ReviewResult(Period.parse("2026-10"), 1, ZoneId.of("UTC"), null, organisation, List.of(), List.of(),
                List.of(), List.of());

        for (Locale locale : List.of(Locale.ENGLISH, CHINESE)) {
            ReportModel model = new ReportModel(result, locale, ZonedDateTime.now(ZoneId.of("UTC")), CategoryNames.load(file, false), 100);
            @SuppressWarnings("unchecked")
            List<java.util.Map<String, Object>> pareto = (List<java.util.Map<String, Object>>) model.executive().get("pareto");
            assertThat(pareto).extracting(row -> row.get("category"))
                    .containsExactly(locale.equals(CHINESE) ? "等待时间" : "Waiting time", "PARKING");
        }
    }

    @Test
    void aWarningOfAReviewStoredBeforeTextsWereKeysShowsItsEnglishTextAsStored() {
        ReportModel chinese = model("2026-09", CHINESE);

        assertThat(chinese.warningDetails(new ReviewResult.WarningRow("S1", "DOWNGRADE", "SEVERE", null,
                "Rating fell from 4 stars to 1 star", null, "NEW", "2026-09", 1))).isEqualTo("Rating fell from 4 stars to 1 star");
        assertThat(chinese.warningDetails(new ReviewResult.WarningRow("S1", "DOWNGRADE", "SEVERE", null,
                "warning.text.DOWNGRADE [4, 1]", TranslatableText.of("warning.text.DOWNGRADE", 4, 1), "NEW", "2026-09", 1)))
                .isEqualTo("星级由 4★ 降至 1★");
    }

    private static ReportModel model(String period, Locale locale) {
        ReviewResult empty = new ReviewResult(Period.parse(period), 1, ZoneId.of("UTC"), null, null, List.of(), List.of(), List.of(), List.of());
        return new ReportModel(empty, locale, ZonedDateTime.now(ZoneId.of("UTC")), CategoryNames.NONE, 100);
    }

    private static ReviewResult.WarningRow running(String status, int periods) {
        return new ReviewResult.WarningRow("S1", "MANDATORY_FAILED", "SEVERE", "SAFE", "", null, status, "2026-01", periods);
    }

    @Test
    void aWarningSaysItIsNewOrInWhichPeriodItIsWithTheEnglishOrdinalOrTheChineseCount() {
        ReportModel english = model("2026-10", Locale.ENGLISH);
        ReportModel chinese = model("2026-10", CHINESE);

        assertThat(english.running(running("NEW", 1))).isEqualTo("new");
        assertThat(chinese.running(running("NEW", 1))).isEqualTo("新");
        assertThat(List.of(2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112).stream()
                .map(n -> english.running(running("CONTINUING", n))).toList()).containsExactly("2nd month", "3rd month",
                "4th month", "11th month", "12th month", "13th month", "21st month", "22nd month", "23rd month", "101st month",
                "111th month", "112th month");
        assertThat(chinese.running(running("CONTINUING", 3))).isEqualTo("第3个月");
        assertThat(chinese.running(running("CONTINUING", 21))).isEqualTo("第21个月");
    }

    @Test
    void quarterAndWeekReviewsCountTheirOwnPeriods() {
        assertThat(model("2026-Q3", Locale.ENGLISH).running(running("CONTINUING", 3))).isEqualTo("3rd quarter");
        assertThat(model("2026-Q3", CHINESE).running(running("CONTINUING", 3))).isEqualTo("第3个季度");
        assertThat(model("2026-W42", Locale.ENGLISH).running(running("CONTINUING", 2))).isEqualTo("2nd week");
        assertThat(model("2026-W42", CHINESE).running(running("CONTINUING", 2))).isEqualTo("第2周");
    }

    @Test
    void aResolvedWarningIsListedUnderThePreviousPeriodWithHowLongItRan() {
        ReviewResult.WarningRow resolved = running("RESOLVED", 3);
        ReviewResult.WarningRow once = running("RESOLVED", 1);

        assertThat(model("2027-01", Locale.ENGLISH).resolvedHeading()).isEqualTo("Resolved since 2026-12");
        assertThat(model("2027-01", CHINESE).resolvedHeading()).isEqualTo("自2026-12以来已解决");
        assertThat(model("2027-01", Locale.ENGLISH).resolvedItem(resolved)).isEqualTo("S1 · Mandatory criterion failed: ran 3 months");
        assertThat(model("2027-01", Locale.ENGLISH).resolvedItem(once)).isEqualTo("S1 · Mandatory criterion failed: ran 1 month");
        assertThat(model("2027-01", CHINESE).resolvedItem(resolved)).isEqualTo("S1 · 必备条件未达标：持续3个月");
        assertThat(model("2026-Q1", Locale.ENGLISH).resolvedItem(resolved)).isEqualTo("S1 · Mandatory criterion failed: ran 3 quarters");
    }
}
