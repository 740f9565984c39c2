package com.qualityreview.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Chinese reports of a review of the demo data read as a Chinese reader reads them: the
 * warnings (a downgrade, a failed mandatory criterion, a KPI miss) and what the next star takes in
 * Chinese, and no English phrase outside the data. (The Pareto chart's category labels are drawn at
 * a slant, as shapes, not text: {@code ReviewTextsWordingTest} checks the names the chart is given.)
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:reader-language-tests;hsqldb.tx=mvcc",
        "quality.reports-dir=target/test-reader-language/reports", "quality.outbox-dir=target/test-reader-language/outbox"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderLanguageTests {

    private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    private static final OffsetDateTime OCTOBER = OffsetDateTime.parse("2026-10-01T00:00:00Z");
    private static final OffsetDateTime NOVEMBER = OffsetDateTime.parse("2026-11-01T00:00:00Z");

    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;

    Path folder;
    List<String> dataValues;

    @BeforeAll
    void reviewTheDemoData() throws Exception {
        DemoDataImport.importUpTo(imports, YearMonth.of(2026, 10));
        assertThat(reviews.start(Period.parse("2026-10"), Optional.empty()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        folder = Path.of("target/test-reader-language/reports/2026-10/r1");
        dataValues = new ArrayList<>();
        dataValues.addAll(jdbc.queryForList("SELECT site_code FROM site UNION SELECT name FROM site", String.class));
        dataValues.addAll(jdbc.queryForList("SELECT region_code FROM region UNION SELECT name FROM region", String.class));
        dataValues.addAll(jdbc.queryForList("SELECT criterion_code FROM criterion UNION SELECT name FROM criterion", String.class));
        dataValues.addAll(jdbc.queryForList("SELECT kpi_code FROM kpi_definition UNION SELECT name FROM kpi_definition"
                + " UNION SELECT unit FROM kpi_definition", String.class));
        dataValues.addAll(jdbc.queryForList("SELECT DISTINCT category FROM review_pareto", String.class));
        dataValues.addAll(jdbc.queryForList("SELECT DISTINCT scope_name FROM review_figures WHERE scope_type = 'ORG'", String.class));
        dataValues.addAll(jdbc.queryForList("SELECT DISTINCT comment FROM feedback WHERE comment IS NOT NULL AND submitted_at >= ?"
                + " AND submitted_at < ?", String.class, OCTOBER, NOVEMBER));
    }

    /** The site with a warning of the type, and the region of that site. */
    private Map<String, Object> warned(String type) {
        return jdbc.queryForMap("SELECT w.site_code, s.region_code, w.subject FROM review_warning w JOIN site s ON s.site_code = w.site_code"
                + " WHERE w.period = '2026-10' AND w.warning_type = ? ORDER BY w.site_code FETCH FIRST 1 ROWS ONLY", type);
    }

    private String chineseText(String file) throws IOException {
        return PdfReading.text(folder.resolve(file));
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void aDowngradeIsWordedInChineseInTheSiteRegionAndExecutiveReports() throws IOException {
        Map<String, Object> downgraded = warned("DOWNGRADE");
        String site = (String) downgraded.get("site_code");
        String before = jdbc.queryForObject("SELECT rating FROM review_figures WHERE period = '2026-10' AND scope_type = 'SITE'"
                + " AND scope_code = ? AND period_role = 'PREVIOUS'", String.class, site);
        String now = jdbc.queryForObject("SELECT rating FROM review_figures WHERE period = '2026-10' AND scope_type = 'SITE'"
                + " AND scope_code = ? AND period_role = 'CURRENT'", String.class, site);
        String expected = now.equals("UNRATED") ? "不再评级（原为" + before + "★）" : "星级由" + before + "★降至" + now + "★";

        assertThat(squeezed(chineseText(ReportFileName.of("SITE", site, CHINESE)))).contains(expected);
        assertThat(squeezed(chineseText(ReportFileName.of("REGION", (String) downgraded.get("region_code"), CHINESE)))).contains(expected);
        assertThat(squeezed(chineseText("executive.zh-CN.pdf"))).contains(expected);
        assertThat(squeezed(PdfReading.text(folder.resolve(ReportFileName.of("SITE", site, Locale.ENGLISH)))))
                .contains(now.equals("UNRATED") ? "Nolongerrated(was" + before + "★)" : "Ratingfellfrom" + before + "★to" + now + "★");
    }

    @Test
    void aFailedMandatoryCriterionAndAKpiMissAreWordedInChinese() throws IOException {
        Map<String, Object> failed = warned("MANDATORY_FAILED");
        String criterion = (String) failed.get("subject");
        Map<String, Object> rule = jdbc.queryForMap("SELECT name, mandatory_from_star FROM criterion WHERE criterion_code = ?", criterion);
        Map<String, Object> missed = warned("KPI_MISS");
        String kpiName = jdbc.queryForObject("SELECT name FROM kpi_definition WHERE kpi_code = ?", String.class, missed.get("subject"));

        assertThat(squeezed(chineseText(ReportFileName.of("SITE", (String) failed.get("site_code"), CHINESE))))
                .contains(squeezed("强制项 " + criterion + "（" + rule.get("name") + "）未达标（自 " + rule.get("mandatory_from_star") + "★ 起为强制项）"))
                .contains(squeezed("强制项：" + rule.get("name")))
                .contains(squeezed("下一级："));
        assertThat(squeezed(chineseText(ReportFileName.of("SITE", (String) missed.get("site_code"), CHINESE))))
                .contains(squeezed("KPI " + kpiName + " 为")).contains("未达标幅度超过20%");
    }

    @Test
    void theChineseExecutiveRegionAndSiteReportsHaveNoEnglishPhraseOutsideTheData() throws IOException {
        Map<String, Object> downgraded = warned("DOWNGRADE");
        List<String> files = List.of("executive.zh-CN.pdf",
                ReportFileName.of("REGION", (String) downgraded.get("region_code"), CHINESE),
                ReportFileName.of("SITE", (String) downgraded.get("site_code"), CHINESE),
                ReportFileName.of("SITE", (String) warned("MANDATORY_FAILED").get("site_code"), CHINESE),
                ReportFileName.of("SITE", (String) warned("KPI_MISS").get("site_code"), CHINESE));

        for (String file : files) {
            assertThat(PdfReading.englishOutsideData(chineseText(file), dataValues)).as(file).isEmpty();
        }
        // The same check finds the English report's own words: it is not blind.
        assertThat(PdfReading.englishOutsideData(PdfReading.text(folder.resolve("executive.en.pdf")), dataValues))
                .anySatisfy(phrase -> assertThat(phrase).contains("Rating fell from"))
                .anySatisfy(phrase -> assertThat(phrase).contains("Headline metrics"));
    }
}
