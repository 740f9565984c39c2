package com.qualityreview.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.qualityreview.intake.Imports;
import com.qualityreview.reporting.pdf.ReportTemplates;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The executive report of the demo's October, in English and in Chinese, read as its reader reads
 * it: the text of each page (PDFBox), checked against figures the test works out itself from the
 * summary.csv of October and of September (a review of its own) and from the database.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:executive-reading;hsqldb.tx=mvcc",
        "quality.reports-dir=target/test-reports/executive-reading", "quality.outbox-dir=target/test-reports/executive-reading-outbox"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutiveReportReadingTests {

    private static final Path REPORTS = Path.of("target/test-reports/executive-reading");
    /** A number shown with five decimals or more: no reader-facing figure has more than two. */
    private static final Pattern LONG_DECIMALS = Pattern.compile("\\d\\.\\d{5,}");

    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void reviewSeptemberAndOctoberOfTheDemoData() throws Exception {
        DemoDataImport.importUpTo(imports, YearMonth.of(2026, 10));
        for (String period : List.of("2026-09", "2026-10")) {
            assertThat(reviews.start(Period.parse(period), Optional.empty()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void noNumberInAnyReportOfTheReviewRunsToFiveDecimals(String language) throws IOException {
        List<Path> reports = reportsOf(language);
        List<String> longNumbers = new ArrayList<>();
        for (Path report : reports) {
            List<String> pages = pages(report);
            assertThat(pages).as(report.toString()).isNotEmpty();
            for (int i = 0; i < pages.size(); i++) {
                Matcher m = LONG_DECIMALS.matcher(pages.get(i));
                while (m.find()) {
                    longNumbers.add(report.getFileName() + " page " + (i + 1) + ": " + m.group());
                }
            }
        }
        // The executive report, 5 region reports and 39 site reports of the demo.
        assertThat(reports).hasSize(45);
        assertThat(longNumbers).isEmpty();
    }

    /** A review's reports in one language: executive, regions and sites. */
    private static List<Path> reportsOf(String language) throws IOException {
        try (var files = Files.list(REPORTS.resolve("2026-10/r1"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("." + language + ".pdf")).sorted().toList();
        }
    }

    /**
     * Every KPI missed in October is shown with its target rounded by its unit: {@code ≤ 5.0%} for a
     * percentage, {@code ≤ 8.00 min} otherwise (docs/reports.md, Numbers), from kpi_definition.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void kpiTargetsReadAsPeopleWriteThem(String language) throws IOException {
        List<Map<String, Object>> missed = jdbc.queryForList("""
                SELECT DISTINCT d.kpi_code, d.unit, d.direction, d.target FROM review_warning w
                JOIN kpi_definition d ON d.kpi_code = w.subject
                WHERE w.period = '2026-10' AND w.revision = 1 AND w.warning_type = 'KPI_MISS'""");
        String text = squeezed(String.join("", pages(executive(language))));

        assertThat(missed).as("the demo misses KPIs of both kinds of unit").extracting(row -> row.get("unit"))
                .contains("%", "min");
        for (Map<String, Object> kpi : missed) {
            BigDecimal target = (BigDecimal) kpi.get("target");
            String unit = (String) kpi.get("unit");
            String shown = unit.equals("%") ? String.format(Locale.ENGLISH, "%,.1f%%", target.setScale(1, RoundingMode.HALF_UP))
                    : String.format(Locale.ENGLISH, "%,.2f %s", target.setScale(2, RoundingMode.HALF_UP), unit);
            String op = kpi.get("direction").equals("HIGHER_BETTER") ? "≥" : "≤";
            assertThat(text).as(kpi.get("kpi_code") + " target").contains(squeezed(op + " " + shown));
        }
    }

    /**
     * "Regions ranked": each region's line holds its quality index change against September, the
     * difference of the two indexes as shown (one decimal, half-up), signed, from the two summary.csv.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void regionsRankedShowTheirQualityIndexChangeAgainstThePreviousReview(String language) throws IOException {
        Map<String, String> october = regionIndexes("2026-10");
        Map<String, String> september = regionIndexes("2026-09");
        List<String> lines = List.of(String.join("\n", pages(executive(language))).split("\n"));
        ResourceBundle labels = ReportTemplates.messages(Locale.forLanguageTag(language));

        assertThat(october).hasSize(5).containsOnlyKeys(september.keySet());
        assertThat(squeezed(String.join("", lines))).contains(squeezed(labels.getString("col.share3Plus")));
        int changed = 0;
        for (Map.Entry<String, String> region : october.entrySet()) {
            BigDecimal delta = new BigDecimal(region.getValue()).setScale(1, RoundingMode.HALF_UP)
                    .subtract(new BigDecimal(september.get(region.getKey())).setScale(1, RoundingMode.HALF_UP));
            String expected = (delta.signum() > 0 ? "+" : "") + delta.toPlainString() + " "
                    + (delta.signum() > 0 ? "▲" : delta.signum() < 0 ? "▼" : "=");
            changed += delta.signum() != 0 ? 1 : 0;
            // The ranking's row of the region: rank, code, name, figures, share at 3★+, change last.
            assertThat(lines).as(region.getKey()).anySatisfy(line -> assertThat(line)
                    .matches("\\d+ " + Pattern.quote(region.getKey()) + " .*")
                    .endsWith(" " + expected));
        }
        assertThat(changed).as("regions whose index moved: the check is not all zeros").isPositive();
    }

    /**
     * The fair ranking (docs/review.md, Fair ranking), from October's ranking.csv: the executive
     * report lists the 10 highest and 10 lowest of the demo's sites, each with its responses, raw and
     * adjusted CSAT means (2 decimals, half-up) and raw rank side by side, under the line saying what
     * "adjusted" means with k; a region report lists all its sites, ranked among the region's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theExecutiveAndRegionReportsShowTheFairRankingWithRawAndAdjustedMeans(String language) throws IOException {
        Locale locale = Locale.forLanguageTag(language);
        ResourceBundle labels = ReportTemplates.messages(locale);
        List<String[]> ranking = Files.readAllLines(REPORTS.resolve("2026-10/r1/ranking.csv")).stream().skip(1)
                .map(line -> line.split(",", -1)).toList();
        List<String[]> ranked = ranking.stream().filter(row -> !row[0].isEmpty()).toList();
        String k = new BigDecimal(ranked.get(0)[9]).setScale(2, RoundingMode.HALF_UP).toPlainString();
        String executive = squeezed(String.join("", pages(executive(language))));

        assertThat(ranked).as("the demo ranks more sites than the executive report shows").hasSizeGreaterThan(20);
        assertThat(executive).contains(squeezed(labels.getString("executive.section.fairRanking")))
                .contains(squeezed(labels.getString("col.adjustedCsat")))
                .contains(squeezed(java.text.MessageFormat.format(labels.getString("fairRanking.adjusted"), k)));
        List<String[]> shown = new ArrayList<>(ranked.subList(0, 10));
        shown.addAll(ranked.subList(ranked.size() - 10, ranked.size()));
        for (String[] site : shown) {
            // responses, raw mean, adjusted mean, raw rank: the row's cells after the site's name and region
            assertThat(executive).as("site %s", site[3])
                    .contains(site[4] + count(site[5]) + shownMean(site[6]) + shownMean(site[8]) + site[2]);
        }
        String[] middle = ranked.get(15);
        assertThat(executive).as("the 16th site is not shown").doesNotContain(middle[4] + count(middle[5]) + shownMean(middle[6])
                + shownMean(middle[8]) + middle[2]).contains(squeezed(java.text.MessageFormat.format(labels.getString("fairRanking.ends"),
                10, ranked.size())));
        assertThat(ranked).as("a site whose adjusted rank differs from its raw rank: the ranking moves someone")
                .anySatisfy(site -> assertThat(site[0]).isNotEqualTo(site[2]));

        String region = ranked.get(0)[4];
        List<String[]> ofRegion = ranking.stream().filter(row -> row[4].equals(region)).toList();
        String regionReport = squeezed(String.join("", pages(REPORTS.resolve("2026-10/r1")
                .resolve(ReportFileName.of("REGION", region, locale)))));
        assertThat(regionReport).contains(squeezed(labels.getString("region.section.fairRanking")));
        List<String[]> byRaw = ofRegion.stream().filter(row -> !row[2].isEmpty())
                .sorted(java.util.Comparator.comparingInt(row -> Integer.parseInt(row[2]))).toList();
        for (String[] site : ofRegion) {
            if (!site[0].isEmpty()) {
                int rawRankInRegion = byRaw.indexOf(site) + 1;
                assertThat(regionReport).as("site %s", site[3])
                        .contains(site[1] + site[3]).contains(count(site[5]) + shownMean(site[6]) + shownMean(site[8]) + rawRankInRegion);
            }
        }
    }

    private static String shownMean(String value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String count(String value) {
        return String.format(Locale.ENGLISH, "%,d", Long.parseLong(value));
    }

    /** "Page N of M" on every page of every report, N running 1..M over consecutive pages, M the number of pages. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void everyPageOfEveryReportSaysItsNumberAndTheTrueNumberOfPages(String language) throws IOException {
        String pattern = ReportTemplates.messages(Locale.forLanguageTag(language)).getString("page.footer");
        assertThat(pages(executive(language))).hasSizeGreaterThan(2);
        for (Path report : reportsOf(language)) {
            List<String> pages = pages(report);
            for (int n = 1; n <= pages.size(); n++) {
                String footer = java.text.MessageFormat.format(pattern, String.valueOf(n), String.valueOf(pages.size()));
                assertThat(pages.get(n - 1)).as(report.getFileName() + " page " + n).contains(footer);
            }
        }
    }

    /**
     * No page but the last is a few table rows and the rest blank: the text of each reaches at least
     * 55% down the page. Why 55%: the tallest section that keeps together (the Pareto chart, 310pt)
     * moves whole to the next page when it does not fit, so a page's content ends at worst 310pt above
     * the footer (which starts 792pt down the 842pt page), 57% down; three table rows under a heading
     * end at some 20%.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void noPageButTheLastIsLeftMostlyBlank(String language) throws IOException {
        List<Integer> reach = textReachPercent(executive(language));

        assertThat(reach).hasSizeGreaterThan(2);
        assertThat(reach.subList(0, reach.size() - 1)).as("how far down each page its text reaches, %")
                .allSatisfy(percent -> assertThat(percent).isGreaterThanOrEqualTo(55));
    }

    /**
     * Codes are never broken over lines: every site code with a warning (the sites at risk) and every
     * region code is a whole token of the executive report's text, and every site code of a region a
     * whole token of that region's report, whose ranking lists them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void codesAppearWholeNeverBrokenOverLines(String language) throws IOException {
        List<String> atRisk = jdbc.queryForList("SELECT DISTINCT site_code FROM review_warning WHERE period = '2026-10'"
                + " AND revision = 1", String.class);
        String executive = String.join("\n", pages(executive(language)));

        assertThat(atRisk).hasSizeGreaterThan(5);
        for (String code : atRisk) {
            assertThat(executive).as(code).containsPattern(wholeToken(code));
        }
        for (String region : regionIndexes("2026-10").keySet()) {
            assertThat(executive).as(region).containsPattern(wholeToken(region));
            List<String> sites = jdbc.queryForList("SELECT scope_code FROM review_figures WHERE period = '2026-10' AND revision = 1"
                    + " AND period_role = 'CURRENT' AND scope_type = 'SITE' AND region_code = ?", String.class, region);
            String regionReport = String.join("\n", pages(REPORTS.resolve("2026-10/r1/region-" + region + "." + language + ".pdf")));
            assertThat(sites).isNotEmpty().allSatisfy(site -> assertThat(regionReport).as(site).containsPattern(wholeToken(site)));
        }
    }

    private static Pattern wholeToken(String code) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(code) + "(?![\\p{L}\\p{N}_-])");
    }

    private static Path executive(String language) {
        return REPORTS.resolve("2026-10/r1/executive." + language + ".pdf");
    }

    private static List<String> pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    /** Per page, how far down (percent of the page height) its lowest text above the footer lies. */
    private static List<Integer> textReachPercent(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Integer> reach = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                float height = document.getPage(page - 1).getMediaBox().getHeight();
                // The footer (the lowest 30pt margin and 20pt band) is on every page: it says nothing of the body.
                float footerTop = height - 50;
                float[] lowest = {0};
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        for (TextPosition position : positions) {
                            if (position.getYDirAdj() < footerTop) {
                                lowest[0] = Math.max(lowest[0], position.getYDirAdj());
                            }
                        }
                    }
                };
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                stripper.getText(document);
                reach.add(Math.round(100 * lowest[0] / height));
            }
            return reach;
        }
    }

    /** REGION scope code → quality_index of a review's summary.csv (its own file, as an analyst reads it). */
    private static Map<String, String> regionIndexes(String period) throws IOException {
        List<String> lines = Files.readAllLines(REPORTS.resolve(period + "/r1/summary.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int type = header.indexOf("scope_type");
        int code = header.indexOf("scope_code");
        int index = header.indexOf("quality_index");
        Map<String, String> indexes = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields[type].equals("REGION")) {
                indexes.put(fields[code], fields[index]);
            }
        }
        return indexes;
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
