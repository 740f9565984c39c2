package com.qualityreview.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
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
import java.util.ResourceBundle;
import java.util.stream.Stream;

import com.qualityreview.intake.Imports;
import com.qualityreview.reporting.pdf.ReportTemplates;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The PDFs of a review of the demo data, read back as text: figures against summary.csv, Chinese
 * names and comments, Chinese headings, page numbers, what a site misses for its next star, fonts.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:reports-tests;hsqldb.tx=mvcc",
        "quality.reports-dir=target/test-reports/reports", "quality.outbox-dir=target/test-reports/reports-outbox"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTests {

    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    ReportTemplates templates;
    @Autowired
    JdbcTemplate jdbc;

    Path folder;

    @BeforeAll
    void reviewTheDemoData() throws Exception {
        DemoDataImport.importUpTo(imports, YearMonth.of(2026, 10));
        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());
        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        folder = Path.of("target/test-reports/reports/2026-10/r1");
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    Map<String, String> summaryRow(String scopeType, String scopeCode) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("summary.csv"));
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines) {
            String[] fields = line.split(",", -1);
            if (fields[0].equals(scopeType) && fields[1].equals(scopeCode)) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], fields[i]);
                }
                return row;
            }
        }
        throw new AssertionError("no " + scopeType + " " + scopeCode + " in summary.csv");
    }

    static String rounded(String value, int decimals) {
        return String.format(Locale.ENGLISH, "%,." + decimals + "f", new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP));
    }

    @Test
    void everyScopeGetsAReportInEachLanguageFromTemplatesCompiledOnce() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pdf")))
                    .hasSize(2 * (1 + 5 + 39))
                    .contains("executive.en.pdf", "executive.zh-CN.pdf", "region-CN-EAST.en.pdf", "site-SH-PUDONG.zh-CN.pdf");
        }
        assertThat(templates.compilations()).isEqualTo(ReportTemplates.Template.values().length + ReportTemplates.SUBREPORTS.size());
    }

    @Test
    void theExecutiveHeadlinesAreTheSummaryFiguresRoundedForDisplay() throws IOException {
        Map<String, String> org = summaryRow("ORG", "ORG");
        String text = text(folder.resolve("executive.en.pdf"));

        assertThat(text).contains(String.format(Locale.ENGLISH, "%,d", Long.parseLong(org.get("feedback_count"))))
                .contains(rounded(org.get("csat_mean"), 2))
                .contains(rounded(org.get("csat_satisfied_pct"), 1) + "%")
                .contains(rounded(org.get("nps"), 1))
                .contains(rounded(org.get("complaint_rate_pct"), 1) + "%")
                .contains(rounded(org.get("audit_score_pct"), 1) + "%")
                .contains(rounded(org.get("quality_index"), 1))
                .contains("2026-10");
        assertThat(text).contains("Page 1 of " + pages(folder.resolve("executive.en.pdf")));
    }

    @Test
    void theChineseReportHasChineseHeadingsAndPageNumbers() throws IOException {
        ResourceBundle zh = ReportTemplates.messages(Locale.forLanguageTag("zh-CN"));
        ResourceBundle en = ReportTemplates.messages(Locale.ENGLISH);
        String text = text(folder.resolve("executive.zh-CN.pdf"));

        assertThat(zh.getString("executive.title")).containsPattern("\\p{IsHan}");
        assertThat(text).contains(zh.getString("executive.title")).doesNotContain(en.getString("executive.title"))
                .contains(zh.getString("metric.csatMean")).contains("第 1 页");
    }

    @Test
    void aSiteReportShowsItsChineseNameAndVerbatimChineseComments() throws IOException {
        String text = squeezed(text(folder.resolve("site-SH-PUDONG.en.pdf")));
        List<String> chineseComments = jdbc.queryForList("SELECT comment FROM feedback WHERE site_code = 'SH-PUDONG'"
                + " AND submitted_at >= ? AND submitted_at < ? AND comment IS NOT NULL", String.class,
                OffsetDateTime.parse("2026-10-01T00:00:00Z"), OffsetDateTime.parse("2026-11-01T00:00:00Z")).stream().filter(c -> c.matches("(?s).*\\p{IsHan}.*")).toList();

        assertThat(text).contains(squeezed("上海浦东店 Shanghai Pudong"));
        assertThat(chineseComments).anySatisfy(comment -> assertThat(text).contains(squeezed(comment)));
    }

    @Test
    void aSiteReportNamesWhatItMissesForTheNextStar() throws IOException {
        // BJ-SANLITUN failed its mandatory HYGIENE criterion: 1 star, and 2 stars need HYGIENE met.
        List<String> missed = jdbc.queryForList("SELECT requirement FROM review_compliance WHERE site_code = 'BJ-SANLITUN'"
                + " AND level_role = 'NEXT' AND met = FALSE", String.class);
        String text = squeezed(text(folder.resolve("site-BJ-SANLITUN.en.pdf")));

        assertThat(missed).singleElement().asString().contains("HYGIENE");
        // The compliance table names it as a requirement of the next level, marked as not met.
        assertThat(text).contains(squeezed("What it takes to gain the next star"))
                .contains(squeezed("Next: 2★")).contains(squeezed("Mandatory: Store and restrooms clean 门店及洗手间清洁"))
                .contains(squeezed("✘ No"));
    }

    /**
     * The demo's GY-HUAGUOYUAN (region CN-SW) gets only the earliest 35 % of its October rows: fewer
     * than half of its September rows, so its data is LOW_VOLUME; no other demo site is incomplete.
     */
    @Test
    void aSiteWhoseFeedbackStoppedEarlyIsMarkedDataIncompleteInItsReportsItsRegionsAndTheExecutiveReport() throws IOException {
        long october = jdbc.queryForObject("SELECT COUNT(*) FROM feedback WHERE site_code = 'GY-HUAGUOYUAN' AND submitted_at >= ?"
                + " AND submitted_at < ?", Long.class, OffsetDateTime.parse("2026-10-01T00:00:00Z"), OffsetDateTime.parse("2026-11-01T00:00:00Z"));
        long september = jdbc.queryForObject("SELECT COUNT(*) FROM feedback WHERE site_code = 'GY-HUAGUOYUAN' AND submitted_at >= ?"
                + " AND submitted_at < ?", Long.class, OffsetDateTime.parse("2026-09-01T00:00:00Z"), OffsetDateTime.parse("2026-10-01T00:00:00Z"));
        long sitesOfCnSw = jdbc.queryForObject("SELECT COUNT(*) FROM review_figures WHERE scope_type = 'SITE' AND region_code = 'CN-SW'"
                + " AND period_role = 'CURRENT'", Long.class);

        assertThat(2 * october).as("October rows against half of September's").isLessThan(september);
        assertThat(summaryRow("SITE", "GY-HUAGUOYUAN")).containsEntry("data_incomplete", "LOW_VOLUME");
        assertThat(summaryRow("SITE", "SH-PUDONG")).containsEntry("data_incomplete", "");
        assertThat(summaryRow("REGION", "CN-SW")).containsEntry("data_incomplete", "1");
        assertThat(summaryRow("REGION", "CN-EAST")).containsEntry("data_incomplete", "0");
        assertThat(summaryRow("ORG", "ORG")).containsEntry("data_incomplete", "1");

        assertThat(squeezed(text(folder.resolve("site-GY-HUAGUOYUAN.en.pdf")))).contains(squeezed("Data incomplete: " + october
                + " feedback rows this period against " + september + " in the previous period"));
        assertThat(squeezed(text(folder.resolve("site-GY-HUAGUOYUAN.zh-CN.pdf"))))
                .contains(squeezed("数据不完整：本期反馈 " + october + " 条，上期 " + september + " 条"));
        assertThat(text(folder.resolve("site-SH-PUDONG.en.pdf"))).doesNotContain("Data incomplete");
        assertThat(text(folder.resolve("site-SH-PUDONG.zh-CN.pdf"))).doesNotContain("数据不完整");

        assertThat(squeezed(text(folder.resolve("region-CN-SW.en.pdf")))).contains(squeezed("Data incomplete for 1 of " + sitesOfCnSw
                + " sites: GY-HUAGUOYUAN 贵阳花果园店 Guiyang Huaguoyuan (low volume)"));
        assertThat(squeezed(text(folder.resolve("executive.en.pdf")))).contains(squeezed("Data incomplete for 1 of 39 sites: GY-HUAGUOYUAN"));
        assertThat(squeezed(text(folder.resolve("executive.zh-CN.pdf")))).contains(squeezed("数据不完整：39 家门店中有 1 家：GY-HUAGUOYUAN"));
        assertThat(text(folder.resolve("region-CN-EAST.en.pdf"))).doesNotContain("Data incomplete");
    }

    /** A site of the review: its code and name, and its quality index this period (summary.csv) and the previous one. */
    record ReviewedSite(String code, String name, String qualityIndex, BigDecimal previousQualityIndex) {
    }

    /** The region's sites ranked as the report should: quality index (summary.csv) highest first, no data last, ties by code. */
    List<ReviewedSite> rankedSitesOf(String region) throws IOException {
        List<ReviewedSite> sites = new ArrayList<>();
        for (Map<String, Object> site : jdbc.queryForList("SELECT c.scope_code, c.scope_name, p.quality_index FROM review_figures c"
                + " LEFT JOIN review_figures p ON p.period = c.period AND p.revision = c.revision AND p.scope_type = c.scope_type"
                + " AND p.scope_code = c.scope_code AND p.period_role = 'PREVIOUS'"
                + " WHERE c.period = '2026-10' AND c.revision = 1 AND c.scope_type = 'SITE' AND c.region_code = ?"
                + " AND c.period_role = 'CURRENT'", region)) {
            String code = (String) site.get("scope_code");
            sites.add(new ReviewedSite(code, (String) site.get("scope_name"), summaryRow("SITE", code).get("quality_index"),
                    (BigDecimal) site.get("quality_index")));
        }
        sites.sort(java.util.Comparator.comparing((ReviewedSite site) -> site.qualityIndex().isEmpty() ? null
                : new BigDecimal(site.qualityIndex()), java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                .thenComparing(ReviewedSite::code));
        return sites;
    }

    /** The text of a report between two headings (the first occurrence of each), squeezed. */
    static String section(String squeezedText, String heading, String nextHeading) {
        int start = squeezedText.indexOf(squeezed(heading));
        int end = squeezedText.indexOf(squeezed(nextHeading), start + 1);
        assertThat(start).as("heading " + heading).isNotNegative();
        assertThat(end).as("heading " + nextHeading + " after " + heading).isGreaterThan(start);
        return squeezedText.substring(start, end);
    }

    /**
     * Each site's part of a section: from its mark to the next site's (sites in the given order),
     * the mark being its code and name, or its code alone where a narrow column wraps the name.
     */
    static List<String> partsPerSite(String section, List<ReviewedSite> sites, boolean markedByName) {
        List<String> parts = new ArrayList<>();
        int from = -1;
        for (int i = 0; i < sites.size(); i++) {
            String mark = sites.get(i).code() + (markedByName ? " " + sites.get(i).name() : "");
            int at = section.indexOf(squeezed(mark), from + 1);
            assertThat(at).as(sites.get(i).code() + " after the sites ranked above it").isGreaterThan(from);
            if (i > 0) {
                parts.add(section.substring(from, at));
            }
            from = at;
        }
        parts.add(section.substring(from));
        return parts;
    }

    static String signedChange(String current, BigDecimal previous) {
        BigDecimal delta = new BigDecimal(current).setScale(1, RoundingMode.HALF_UP).subtract(previous.setScale(1, RoundingMode.HALF_UP));
        return (delta.signum() > 0 ? "▲ +" : delta.signum() < 0 ? "▼ " : "= ") + String.format(Locale.ENGLISH, "%.1f", delta);
    }

    @Test
    void aRegionReportRanksItsSitesByQualityIndexWithTheChangeOfIndexAndRating() throws IOException {
        List<ReviewedSite> ranked = rankedSitesOf("CN-EAST");
        assertThat(ranked).hasSizeGreaterThan(5);
        assertThat(ranked).filteredOn(site -> site.previousQualityIndex() != null).hasSizeGreaterThan(6);
        for (String language : List.of("en", "zh-CN")) {
            ResourceBundle words = ReportTemplates.messages(Locale.forLanguageTag(language));
            String text = squeezed(text(folder.resolve("region-CN-EAST." + language + ".pdf")));
            String ranking = section(text, words.getString("region.section.ranking"), words.getString("section.trend"));

            List<String> rows = partsPerSite(ranking, ranked, false);
            for (int i = 0; i < ranked.size(); i++) {
                ReviewedSite site = ranked.get(i);
                String row = rows.get(i);
                assertThat(row).as(language + " " + site.code()).contains(rounded(site.qualityIndex(), 1));
                if (site.previousQualityIndex() != null) {
                    assertThat(row).as(language + " " + site.code()).contains(squeezed(signedChange(site.qualityIndex(), site.previousQualityIndex())));
                }
                String change = jdbc.queryForObject("SELECT rating_change FROM review_figures WHERE period = '2026-10' AND revision = 1"
                        + " AND scope_type = 'SITE' AND scope_code = ? AND period_role = 'CURRENT'", String.class, site.code());
                assertThat(row).as(language + " " + site.code()).contains(squeezed(words.getString("change." + change).replaceAll(" ?\\{0}", "")));
            }
            // the executive report's ranking of regions is not repeated in a region report
            assertThat(text).doesNotContain(squeezed(words.getString("executive.section.ranking")));
        }
    }

    @Test
    void everySiteOfEachRegionAppearsInItsRegionsComplianceTableWithEachOfItsRequirements() throws IOException {
        for (String region : jdbc.queryForList("SELECT DISTINCT region_code FROM review_figures WHERE scope_type = 'SITE'", String.class)) {
            List<ReviewedSite> ranked = rankedSitesOf(region);
            for (String language : List.of("en", "zh-CN")) {
                ResourceBundle words = ReportTemplates.messages(Locale.forLanguageTag(language));
                String text = squeezed(text(folder.resolve("region-" + region + "." + language + ".pdf")));
                String compliance = section(text, words.getString("compliance.title"), words.getString("section.comments"));

                List<String> parts = partsPerSite(compliance, ranked, true);
                for (int i = 0; i < ranked.size(); i++) {
                    long requirements = jdbc.queryForObject("SELECT COUNT(*) FROM review_compliance WHERE period = '2026-10'"
                            + " AND revision = 1 AND site_code = ?", Long.class, ranked.get(i).code());
                    long marks = parts.get(i).chars().filter(c -> c == '✓' || c == '✘').count();
                    assertThat(requirements).isPositive();
                    assertThat(marks).as(language + " " + region + " " + ranked.get(i).code() + ": one met / not met per requirement")
                            .isEqualTo(requirements);
                }
            }
        }
    }

    @Test
    void aRegionReportShowsASampleOfVerbatimCommentsFromSeveralOfItsSitesInAnyScript() throws IOException {
        List<ReviewedSite> sites = rankedSitesOf("CN-EAST");
        Period october = Period.parse("2026-10");
        java.time.ZoneId zone = java.time.ZoneId.of(jdbc.queryForObject("SELECT zone FROM review_run WHERE period = '2026-10'"
                + " AND revision = 1", String.class));
        List<String> chineseComments = jdbc.queryForList("SELECT f.comment FROM feedback f JOIN site s ON s.site_code = f.site_code"
                + " WHERE s.region_code = 'CN-EAST' AND f.submitted_at >= ? AND f.submitted_at < ? AND f.comment IS NOT NULL",
                String.class, OffsetDateTime.ofInstant(october.startInstant(zone), java.time.ZoneOffset.UTC),
                OffsetDateTime.ofInstant(october.endInstant(zone), java.time.ZoneOffset.UTC))
                .stream().filter(c -> c.matches("(?s).*\\p{IsHan}.*")).map(ReportsTests::squeezed).distinct().toList();
        assertThat(chineseComments).isNotEmpty();
        for (String language : List.of("en", "zh-CN")) {
            ResourceBundle words = ReportTemplates.messages(Locale.forLanguageTag(language));
            String text = squeezed(text(folder.resolve("region-CN-EAST." + language + ".pdf")));
            String comments = section(text, words.getString("section.comments"), words.getString("section.dataQuality"));

            // each comment is headed by its site: count them per site
            Map<String, Integer> perSite = new HashMap<>();
            for (ReviewedSite site : sites) {
                int count = comments.split(java.util.regex.Pattern.quote(squeezed(site.code() + " " + site.name())), -1).length - 1;
                if (count > 0) {
                    perSite.put(site.code(), count);
                }
            }
            assertThat(perSite.values().stream().mapToInt(Integer::intValue).sum()).as(language + ": more than 10 candidates (up to two per site)")
                    .isEqualTo(10);
            assertThat(perSite).as(language + ": from several sites, at most a low-scored and another one each").hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy((site, count) -> assertThat(count).isLessThanOrEqualTo(2));
            assertThat(chineseComments).as(language).anySatisfy(comment -> assertThat(comments).contains(comment));
        }
    }

    @Test
    void everyFontInEveryReportIsEmbedded() throws IOException {
        List<String> notEmbedded = new ArrayList<>();
        File[] pdfs = folder.toFile().listFiles((dir, name) -> name.endsWith(".pdf"));
        assertThat(pdfs).isNotEmpty();
        for (File pdf : pdfs) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                for (PDPage page : document.getPages()) {
                    collectNotEmbedded(page.getResources(), pdf.getName(), notEmbedded);
                }
            }
        }
        assertThat(notEmbedded).isEmpty();
    }

    private static void collectNotEmbedded(PDResources resources, String file, List<String> notEmbedded) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (!font.isEmbedded()) {
                notEmbedded.add(file + ": " + font.getName());
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectNotEmbedded(form.getResources(), file, notEmbedded);
            }
        }
    }
}
