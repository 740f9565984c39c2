package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.Imports;
import com.qualityreview.reporting.ReportFiles;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.review.SmallOrganisation;
import com.qualityreview.system.HttpTestClient;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sites and regions whose codes made one file name under the old rule (上海01 and 北京01 were both
 * {@code site-__01}, A/B and A_B both {@code site-A_B}) go through a real review, parallel rendering
 * and SMTP delivery: every manager gets their own scope's PDF, and every file is listed with its
 * scope and downloads by its name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:distinct-scope-files;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/distinct-scopes-stakeholders.yml",
        "quality.reports-dir=target/test-reports/distinct-scope-files", "quality.rating-scheme=src/test/resources/review/test-rating.yml",
        "quality.reports.threads=4", "spring.mail.host=127.0.0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistinctScopeFilesTests {

    static final int SMTP_PORT = DeliveryTests.freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Scope(String type, String code, String name, String email) {
    }

    static final List<Scope> SITES = List.of(
            new Scope("SITE", "上海01", "上海一店 Shanghai One", "shanghai@example.com"),
            new Scope("SITE", "北京01", "北京一店 Beijing One", "beijing@example.com"),
            new Scope("SITE", "BER/MITTE", "Berlin Mitte", "mitte@example.com"),
            new Scope("SITE", "KÖLN 1", "Köln Dom", "koeln@example.com"),
            new Scope("SITE", "A/B", "Aachen Bahnhof", "aachen@example.com"),
            new Scope("SITE", "A_B", "Augsburg Bahnhof", "augsburg@example.com"));
    static final List<Scope> REGIONS = List.of(
            new Scope("REGION", "华东", "华东区 East China", "east@example.com"),
            new Scope("REGION", "华北", "华北区 North China", "north@example.com"),
            new Scope("REGION", "DE/WEST", "Deutschland West", "west@example.com"),
            new Scope("REGION", "DE_WEST", "Süddeutschland", "south@example.com"));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    ReportFiles reportFiles;
    @Autowired
    JdbcTemplate jdbc;

    GreenMail smtp;
    Map<String, List<MimeMessage>> received = new HashMap<>();

    @BeforeAll
    void reviewAndDeliver(@TempDir Path folder) throws Exception {
        SmallOrganisation.load(imports, folder, ImportKind.SITES, "site_code,name,region_code,region_name\n"
                + "上海01,上海一店 Shanghai One,华东,华东区 East China\n"
                + "北京01,北京一店 Beijing One,华北,华北区 North China\n"
                + "BER/MITTE,Berlin Mitte,DE/OST,Deutschland Ost\n"
                + "KÖLN 1,Köln Dom,DE/WEST,Deutschland West\n"
                + "A/B,Aachen Bahnhof,DE/WEST,Deutschland West\n"
                + "A_B,Augsburg Bahnhof,DE_WEST,Süddeutschland\n");
        StringBuilder feedback = new StringBuilder(SmallOrganisation.HEADER);
        int id = 0;
        for (Scope site : SITES) {
            for (int i = 0; i < 3; i++) {
                feedback.append("F").append(++id).append(",\"").append(site.code()).append("\",2026-10-0").append(i + 1)
                        .append("T10:00:00Z,APP,").append(3 + i % 3).append(",8,4,false,,true,2\n");
            }
        }
        SmallOrganisation.load(imports, folder, ImportKind.FEEDBACK, feedback.toString());

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());
        assertThat(review.getStatus()).as(review.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(review.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
            received.computeIfAbsent(to, t -> new ArrayList<>()).add(message);
        }
    }

    @AfterAll
    void stopServer() {
        smtp.stop();
    }

    @Test
    void everySiteManagerGetsExactlyOneEmailWithTheReportOfTheirOwnSite() throws Exception {
        assertThat(received).hasSize(SITES.size() + REGIONS.size());
        for (Scope site : SITES) {
            List<MimeMessage> messages = received.get(site.email());
            assertThat(messages).as(site.email()).hasSize(1);
            String text = squeezed(onlyPdfText(messages.get(0)));
            assertThat(text).as(site.code()).contains(squeezed(site.name())).contains(squeezed(site.code()));
            for (Scope other : SITES) {
                if (other != site) {
                    assertThat(text).as(site.code() + "'s report").doesNotContain(squeezed(other.name()))
                            .doesNotContain(squeezed(other.code()));
                }
            }
        }
    }

    @Test
    void everyRegionManagerGetsTheReportOfTheirOwnRegion() throws Exception {
        for (Scope region : REGIONS) {
            List<MimeMessage> messages = received.get(region.email());
            assertThat(messages).as(region.email()).hasSize(1);
            String text = squeezed(onlyPdfText(messages.get(0)));
            assertThat(text).as(region.code()).contains(squeezed(region.name()));
            for (Scope other : REGIONS) {
                if (other != region) {
                    assertThat(text).as(region.code() + "'s report").doesNotContain(squeezed(other.name()));
                }
            }
        }
    }

    @Test
    void everyScopeAndLanguageHasItsOwnFileRecordedWithItsScope() throws Exception {
        Path folder = Path.of("target/test-reports/distinct-scope-files/2026-10/r1");
        try (Stream<Path> files = Files.list(folder)) {
            // The organisation, five regions (DE/OST has no stakeholder but a report) and six sites, in two languages.
            assertThat(files.filter(file -> file.toString().endsWith(".pdf"))).hasSize(2 * (1 + 5 + 6));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT LOWER(file_name)) FROM report_file WHERE period = '2026-10'"
                + " AND revision = 1", Integer.class)).isEqualTo(24);
        assertThat(reportFiles.fileOf(Period.parse("2026-10"), 1, "SITE", "A_B", Locale.ENGLISH)).hasValue("site-A_B.en.pdf");
        assertThat(reportFiles.fileOf(Period.parse("2026-10"), 1, "SITE", "A/B", Locale.ENGLISH).orElseThrow())
                .matches("site-A_B~[0-9a-f]{12}\\.en\\.pdf");
        assertThat(reportFiles.fileOf(Period.parse("2026-10"), 1, "SITE", "上海01", Locale.forLanguageTag("zh-CN")).orElseThrow())
                .matches("site-__01~[0-9a-f]{12}\\.zh-CN\\.pdf");
        assertThat(reportFiles.fileOf(Period.parse("2026-10"), 1, "SITE", "NOPE", Locale.ENGLISH)).isEmpty();
        // Each delivery names the file rendering recorded for its scope and language.
        assertThat(jdbc.queryForList("SELECT d.email FROM delivery d LEFT JOIN report_file f ON f.period = d.period"
                + " AND f.revision = d.revision AND f.file_name = d.attachment AND f.locale = d.locale"
                + " AND (d.scope = f.scope_type || ':' || f.scope_code OR d.scope = 'ORG' AND f.scope_type = 'ORG')"
                + " WHERE f.file_name IS NULL", String.class)).isEmpty();
    }

    @Test
    void theApiListsEachFileWithItsScopeAndDownloadsTheNewNames() throws Exception {
        HttpTestClient http = new HttpTestClient(port);
        JsonNode revisions = JSON.readTree(http.get("/api/reports?period=2026-10", HttpTestClient.VIEWER).body());
        Map<String, JsonNode> files = new HashMap<>();
        revisions.get(0).get("files").forEach(file -> files.put(file.get("name").asString(), file));
        assertThat(files.get("summary.csv").get("scopeType").isNull()).isTrue();
        assertThat(files.get("executive.en.pdf").get("scopeType").asString()).isEqualTo("ORG");

        String shanghai = reportFiles.fileOf(Period.parse("2026-10"), 1, "SITE", "上海01", Locale.forLanguageTag("zh-CN")).orElseThrow();
        JsonNode listed = files.get(shanghai);
        assertThat(listed.get("scopeType").asString()).isEqualTo("SITE");
        assertThat(listed.get("scopeCode").asString()).isEqualTo("上海01");
        assertThat(listed.get("locale").asString()).isEqualTo("zh-CN");

        HttpResponse<byte[]> pdf = http.download(listed.get("url").asString(), HttpTestClient.VIEWER);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains(shanghai);
        assertThat(squeezed(new PDFTextStripper().getText(Loader.loadPDF(pdf.body())))).contains(squeezed("上海一店 Shanghai One"));
    }

    @Test
    void theConsoleShowsTheScopeOfEachReportFile() throws Exception {
        HttpResponse<String> page = new HttpTestClient(port).consolePage("/reports?period=2026-10", HttpTestClient.VIEWER);
        assertThat(page.statusCode()).isEqualTo(200);
        String mitte = reportFiles.fileOf(Period.parse("2026-10"), 1, "SITE", "BER/MITTE", Locale.ENGLISH).orElseThrow();
        assertThat(page.body()).contains("<th>Scope</th>").contains("SITE BER/MITTE").contains("SITE 上海01").contains("REGION 华东")
                .contains("/reports/2026-10/r1/" + mitte);
    }

    /** The text of the one PDF attached to a message. */
    static String onlyPdfText(MimeMessage message) throws Exception {
        List<String> texts = new ArrayList<>();
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(".pdf")) {
                try (InputStream pdf = part.getInputStream()) {
                    texts.add(new PDFTextStripper().getText(Loader.loadPDF(pdf.readAllBytes())));
                }
            }
        }
        assertThat(texts).as("PDF attachments of " + message.getSubject()).hasSize(1);
        return texts.get(0);
    }

    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
