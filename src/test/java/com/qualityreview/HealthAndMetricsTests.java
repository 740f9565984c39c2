package com.qualityreview;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.review.SmallOrganisation;
import com.qualityreview.system.HttpTestClient;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator over real HTTP, with SMTP on a GreenMail server: health open to probes (status
 * only), readiness made of the database and mail, info with the build's version, and Prometheus
 * metrics behind login whose figures match what the imports and a review left in the database and
 * the reports folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:health-metrics;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "spring.mail.host=127.0.0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthAndMetricsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static GreenMail smtp;
    static Path reportsDir;

    @LocalServerPort
    int port;
    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;

    HttpTestClient http;

    @DynamicPropertySource
    static void smtpAndReports(DynamicPropertyRegistry registry) throws IOException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        reportsDir = Files.createTempDirectory("health-metrics-reports");
        registry.add("quality.reports-dir", reportsDir::toString);
    }

    @BeforeAll
    void importsWithARejectedRowAndAReview(@TempDir Path folder) throws Exception {
        http = new HttpTestClient(port);
        SmallOrganisation.load(imports, folder);
        Path late = Files.writeString(folder.resolve("late-feedback.csv"), SmallOrganisation.HEADER
                + "L1,A,2026-11-02T10:00:00Z,APP,5,10,4,false,,true,2\n"
                + "L2,A,not-a-time,APP,5,10,4,false,,true,2\n");
        assertThat(imports.run(ImportKind.FEEDBACK, late).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.of(1));
        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void healthAndItsProbesAreUpForAnonymousCallersWithoutDetails() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = http.get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("status").asString()).as(path).isEqualTo("UP");
            assertThat(body.has("components")).as(path + ": " + response.body()).isFalse();
        }
    }

    @Test
    void readinessIsTheDatabaseAndMailAndLivenessIsNeither() throws Exception {
        JsonNode readiness = JSON.readTree(http.get("/actuator/health/readiness", HttpTestClient.VIEWER).body()).get("components");
        assertThat(readiness.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("mail").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("mail").get("details").get("location").asString()).isEqualTo("127.0.0.1:" + smtp.getSmtp().getPort());
        assertThat(readiness.get("readinessState").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.has("livenessState")).isFalse();

        JsonNode liveness = JSON.readTree(http.get("/actuator/health/liveness", HttpTestClient.VIEWER).body()).get("components");
        assertThat(names(liveness)).containsExactly("livenessState");
    }

    @Test
    void infoIsOpenAndNamesTheBuildVersionOfThePom() throws Exception {
        HttpResponse<String> response = http.get("/actuator/info", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode build = JSON.readTree(response.body()).get("build");
        assertThat(build.get("version").asString()).isEqualTo(pomVersion());
        assertThat(build.get("name").asString()).isEqualTo("Quality Review");
    }

    @Test
    void prometheusNeedsALoginAndBothRolesMayScrape() throws Exception {
        HttpResponse<String> anonymous = http.get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Quality Review\"");
        assertThat(http.get("/actuator/prometheus", "viewer:wrong").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", HttpTestClient.VIEWER).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", HttpTestClient.ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void jobAndStepDurationsAreCountedPerJobAndStepIncludingTheContributedSteps() throws Exception {
        Scrape scrape = scrape();
        Map<String, Long> jobs = countBy("SELECT i.JOB_NAME, COUNT(*) FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID GROUP BY i.JOB_NAME");
        assertThat(jobs).containsKeys("importJob", "qualityReviewJob");
        jobs.forEach((job, executions) -> assertThat(scrape.sum("spring_batch_job_seconds_count", Map.of("spring_batch_job_name", job)))
                .as(job).isEqualTo(executions.doubleValue()));
        assertThat(scrape.sum("spring_batch_job_seconds_sum", Map.of("spring_batch_job_name", "qualityReviewJob"))).isPositive();

        Map<String, Long> steps = countBy("SELECT STEP_NAME, COUNT(*) FROM BATCH_STEP_EXECUTION GROUP BY STEP_NAME");
        assertThat(steps).containsKeys("summariseSitesStep", "rankSitesStep", "renderReportsStep", "planDeliveriesStep", "sendDeliveriesStep");
        steps.forEach((step, executions) -> assertThat(scrape.sum("spring_batch_step_seconds_count",
                Map.of("spring_batch_step_name", step))).as(step).isEqualTo(executions.doubleValue()));
    }

    @Test
    void rowCountersAreTheImportedCountsPerKind() throws Exception {
        Scrape scrape = scrape();
        List<Map<String, Object>> imported = jdbc.queryForList("SELECT kind, SUM(read_count) AS read_rows, SUM(written_count) AS written_rows,"
                + " SUM(rejected_count) AS rejected_rows FROM import_file WHERE status = 'COMPLETED' GROUP BY kind");
        assertThat(imported).hasSize(ImportKind.values().length);
        for (Map<String, Object> kind : imported) {
            Map<String, String> tag = Map.of("kind", (String) kind.get("kind"));
            assertThat(scrape.sum("quality_rows_read_total", tag)).as(tag.toString()).isEqualTo(((Number) kind.get("read_rows")).doubleValue());
            assertThat(scrape.sum("quality_rows_written_total", tag)).as(tag.toString())
                    .isEqualTo(((Number) kind.get("written_rows")).doubleValue());
            assertThat(scrape.sum("quality_rows_rejected_total", tag)).as(tag.toString())
                    .isEqualTo(((Number) kind.get("rejected_rows")).doubleValue());
        }
        assertThat(scrape.sum("quality_rows_rejected_total", Map.of("kind", "feedback"))).isEqualTo(1);
    }

    @Test
    void reportsRenderedAreThePdfsOfTheReviewFolderPerReportAndLocale() throws Exception {
        Scrape scrape = scrape();
        List<String> pdfs;
        try (Stream<Path> files = Files.list(reportsDir.resolve("2026-10").resolve("r1"))) {
            pdfs = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pdf")).toList();
        }
        assertThat(pdfs).isNotEmpty();
        assertThat(scrape.sum("quality_reports_rendered_total", Map.of())).isEqualTo(pdfs.size());
        for (String report : List.of("executive", "region", "site")) {
            for (String locale : List.of("en", "zh-CN")) {
                long files = pdfs.stream().filter(name -> name.startsWith(report) && name.endsWith("." + locale + ".pdf")).count();
                assertThat(scrape.sum("quality_reports_rendered_total", Map.of("report", report, "locale", locale)))
                        .as(report + " " + locale).isEqualTo(files).isPositive();
            }
        }
    }

    @Test
    void deliveryGaugesAreTheRowsOfTheDeliveryTablePerStatusWhenScraped() throws Exception {
        assertDeliveryGaugesMatchTheTable();
        assertThat(smtp.getReceivedMessages()).isNotEmpty();
        long failed = jdbc.update("UPDATE delivery SET status = 'FAILED' WHERE id = (SELECT MIN(id) FROM delivery)");
        assertThat(failed).isOne();
        Thread.sleep(1_100); // longer than the gauges keep one reading
        assertDeliveryGaugesMatchTheTable();
        jdbc.update("UPDATE delivery SET status = 'SENT' WHERE status = 'FAILED'");
    }

    private void assertDeliveryGaugesMatchTheTable() throws Exception {
        Scrape scrape = scrape();
        Map<String, Long> table = countBy("SELECT status, COUNT(*) FROM delivery GROUP BY status");
        assertThat(table).containsKey("SENT");
        for (String status : List.of("PENDING", "SENDING", "SENT", "FAILED", "UNCERTAIN")) {
            assertThat(scrape.sum("quality_deliveries", Map.of("status", status))).as(status)
                    .isEqualTo(table.getOrDefault(status, 0L).doubleValue());
        }
    }

    private Scrape scrape() throws Exception {
        HttpResponse<String> response = http.get("/actuator/prometheus", HttpTestClient.VIEWER);
        assertThat(response.statusCode()).isEqualTo(200);
        return Scrape.parse(response.body());
    }

    private Map<String, Long> countBy(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, (java.sql.ResultSet row) -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }

    private static String pomVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>quality-review</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    /** The samples of a Prometheus text scrape: name, labels and value. */
    record Scrape(List<Sample> samples) {

        record Sample(String name, Map<String, String> labels, double value) {
        }

        private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static Scrape parse(String text) {
            List<Sample> samples = text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> {
                Matcher sample = LINE.matcher(line);
                assertThat(sample.matches()).as(line).isTrue();
                Map<String, String> labels = new HashMap<>();
                if (sample.group(2) != null) {
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                return new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3)));
            }).toList();
            return new Scrape(samples);
        }

        /** The sum of the samples of this name whose labels include these; fails when there is none. */
        double sum(String name, Map<String, String> labels) {
            List<Sample> matching = samples.stream().filter(s -> s.name().equals(name))
                    .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
            assertThat(matching).as(name + labels).isNotEmpty();
            return matching.stream().mapToDouble(Sample::value).sum();
        }
    }
}
