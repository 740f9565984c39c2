package com.qualityreview;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.qualityreview.intake.Imports;
import com.qualityreview.review.SmallOrganisation;
import com.qualityreview.system.HttpTestClient;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API as an administrator uses it, over real HTTP: start a review and follow it to its
 * reports, import a file, stop and restart a long import, and the errors (400, 404, 409) as
 * problem details.
 */
// The long import adds sites: it runs last, so the review sees the organisation's three.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Imports imports;
    @Autowired
    JdbcTemplate jdbc;

    HttpTestClient http;

    @BeforeAll
    void organisation(@TempDir Path folder) throws Exception {
        http = new HttpTestClient(port);
        SmallOrganisation.load(imports, folder);
    }

    @Test
    @Order(1)
    void aReviewStartedByTheApiRunsInTheBackgroundAndItsReportsDownload() throws Exception {
        HttpResponse<String> started = http.postJson("/api/reviews", "{\"period\": \"2026-10\", \"revision\": 7}", HttpTestClient.ADMIN);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(started.body());
        assertThat(body.get("revision").asInt()).isEqualTo(7);
        long id = body.get("executionId").asLong();

        JsonNode execution = awaitEnd(id);
        assertThat(execution.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(execution.get("job").asString()).isEqualTo("qualityReviewJob");
        assertThat(execution.get("parameters").get("period").asString()).isEqualTo("2026-10");
        List<String> steps = new ArrayList<>();
        List<JsonNode> partitions = new ArrayList<>();
        execution.get("steps").forEach(step -> {
            if (step.get("name").asString().startsWith("summariseSitesPartition:")) {
                partitions.add(step);
            }
            else {
                steps.add(step.get("name").asString());
            }
        });
        assertThat(steps).startsWith("prepareReviewStep", "summariseSitesStep", "trackWarningHistoryStep", "rollUpRegionsStep", "rankSitesStep")
                .contains("renderReportsStep", "sendDeliveriesStep");
        // The summarise step ran in partitions (twice the cores, at most one per site), each on a thread of this process
        // that the API names; ordinary steps name none.
        assertThat(partitions).hasSizeBetween(1, 3).allSatisfy(partition -> {
            assertThat(partition.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(partition.get("worker").asString()).startsWith(ProcessHandle.current().pid() + "@").contains(" summariseSitesPartition-");
        });
        assertThat(partitions.stream().mapToLong(partition -> partition.get("read").asLong()).sum()).isEqualTo(3);
        assertThat(stepNamed(execution, "summariseSitesStep").get("worker").isNull()).isTrue();
        // The console's execution page shows the same, in a column of its own.
        assertThat(http.consolePage("/executions/" + id, HttpTestClient.VIEWER).body()).contains("<th>Worker</th>")
                .contains(">" + partitions.get(0).get("worker").asString() + "<");
        // The fair ranking stores one row per site, the one without CSAT answers too.
        assertThat(stepNamed(execution, "rankSitesStep").get("written").asLong()).isEqualTo(3);
        // Three sites, one per chunk or more: the summarise step read and wrote each site once, and says so as progress.
        JsonNode summarise = stepNamed(execution, "summariseSitesStep");
        assertThat(summarise.get("read").asLong()).isEqualTo(3);
        assertThat(summarise.get("written").asLong()).isEqualTo(3);
        assertThat(summarise.get("progress").get("done").asLong()).isEqualTo(3);
        assertThat(summarise.get("progress").get("total").asLong()).isEqualTo(3);
        assertThat(summarise.get("progress").get("unit").asString()).isEqualTo("sites");
        assertThat(summarise.get("progress").get("percent").asInt()).isEqualTo(100);
        assertThat(summarise.get("progress").get("text").asString()).startsWith("3 of 3 sites (100%), ");

        JsonNode reports = JSON.readTree(http.get("/api/reports?period=2026-10", HttpTestClient.VIEWER).body());
        JsonNode revision7 = null;
        for (JsonNode revision : reports) {
            if (revision.get("revision").asInt() == 7) {
                revision7 = revision;
            }
        }
        assertThat(revision7).as(reports.toString()).isNotNull();
        assertThat(revision7.get("status").asString()).isEqualTo("COMPLETED");
        List<String> files = new ArrayList<>();
        revision7.get("files").forEach(file -> files.add(file.get("name").asString()));
        assertThat(files).contains("summary.csv").anyMatch(name -> name.endsWith(".pdf"));
        // The tasklet steps count their items too: every report written, every delivery of the revision settled.
        long pdfs = files.stream().filter(name -> name.endsWith(".pdf")).count();
        JsonNode render = stepNamed(execution, "renderReportsStep").get("progress");
        assertThat(render.get("unit").asString()).isEqualTo("reports");
        assertThat(render.get("total").asLong()).isEqualTo(pdfs);
        assertThat(render.get("done").asLong()).isEqualTo(pdfs);
        assertThat(render.get("text").asString()).startsWith(pdfs + " of " + pdfs + " reports (100%), ");
        long deliveries = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE period = '2026-10' AND revision = 7", Long.class);
        assertThat(deliveries).isPositive();
        JsonNode send = stepNamed(execution, "sendDeliveriesStep").get("progress");
        assertThat(send.get("unit").asString()).isEqualTo("deliveries");
        assertThat(send.get("total").asLong()).isEqualTo(deliveries);
        assertThat(send.get("done").asLong()).isEqualTo(deliveries);
        // The execution's progress is that of its last long step.
        assertThat(execution.get("progress").get("unit").asString()).isEqualTo("deliveries");

        String pdfName = files.stream().filter(name -> name.startsWith("executive") && name.endsWith(".pdf")).findFirst()
                .orElse(files.stream().filter(name -> name.endsWith(".pdf")).findFirst().orElseThrow());
        HttpResponse<byte[]> pdf = http.download("/api/reports/2026-10/r7/" + pdfName, HttpTestClient.VIEWER);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(pdfName);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("2026-10");
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = 'admin' AND action = 'start review'"
                + " AND target = '2026-10 r7' AND outcome = ?", Long.class, "execution " + id)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anUploadedFileIsImportedWithItsRejectsCounted() throws Exception {
        HttpResponse<String> started = http.postFile("/api/imports", "kpis", "kpis.csv",
                "site_code,kpi_code,measured_on,value\nA,WAIT,2026-10-03,9\nNOPE,WAIT,2026-10-03,9\n", HttpTestClient.ADMIN);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode execution = awaitEnd(JSON.readTree(started.body()).get("executionId").asLong());
        assertThat(execution.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(execution.get("counts").asString()).contains("read 2").contains("written 1").contains("rejected 1");
    }

    @Test
    @Order(4)
    void aLongImportStopsAfterItsCurrentChunkAndRestartsWhereItStopped() throws Exception {
        StringBuilder csv = new StringBuilder("site_code,name,region_code,region_name\n");
        int rows = 20_000;
        for (int i = 0; i < rows; i++) {
            csv.append("S").append(i).append(",Site ").append(i).append(",R9,Region nine\n");
        }
        long id = JSON.readTree(http.postFile("/api/imports", "sites", "many-sites.csv", csv.toString(), HttpTestClient.ADMIN).body())
                .get("executionId").asLong();
        awaitProgress(id);
        HttpResponse<String> stop = http.post("/api/executions/" + id + "/stop", HttpTestClient.ADMIN);
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
        JsonNode stopped = awaitEnd(id);
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        long storedWhenStopped = jdbc.queryForObject("SELECT COUNT(*) FROM site WHERE region_code = 'R9'", Long.class);
        assertThat(storedWhenStopped).isBetween(1L, rows - 1L);

        HttpResponse<String> restart = http.post("/api/executions/" + id + "/restart", HttpTestClient.ADMIN);
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
        JsonNode restarted = awaitEnd(JSON.readTree(restart.body()).get("executionId").asLong());
        assertThat(restarted.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM site WHERE region_code = 'R9'", Long.class)).isEqualTo(rows);
        // The restart's outcome is recorded as its job ends, on the job's thread.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE target = ?", Long.class, "execution " + id) < 3
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(jdbc.queryForList("SELECT action || ': ' || outcome FROM audit_event WHERE target = ? ORDER BY id", String.class,
                "execution " + id)).containsExactly("stop: status STOPPING", "restart: restarted as execution " + restarted.get("id").asLong(),
                        "restart ended: execution " + restarted.get("id").asLong() + " COMPLETED");
    }

    @Test
    @Order(3)
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> response = http.get("/v3/api-docs", HttpTestClient.VIEWER);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("info").get("title").asString()).isEqualTo("Quality Review API");
        List<String> paths = new ArrayList<>();
        document.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/executions", "/api/executions/{id}", "/api/executions/{id}/stop",
                "/api/executions/{id}/restart", "/api/reviews", "/api/imports", "/api/reports",
                "/api/reports/{period}/r{revision}/{file}", "/api/deliveries", "/api/deliveries/{id}/resend", "/api/jobs");
        assertThat(document.get("components").get("securitySchemes").get("basic").get("scheme").asString()).isEqualTo("basic");
    }

    @Test
    @Order(3)
    void errorsAreProblemDetailsWithTheRightStatus() throws Exception {
        assertProblem(http.postJson("/api/reviews", "{\"period\": \"2026-13\"}", HttpTestClient.ADMIN), 400, "2026-13");
        assertProblem(http.postJson("/api/reviews", "{\"period\": \"2026-10\", \"revision\": 0}", HttpTestClient.ADMIN), 400, "revision");
        assertProblem(http.get("/api/reports?period=last-month", HttpTestClient.VIEWER), 400, "last-month");
        assertProblem(http.get("/api/executions?status=SLEEPING", HttpTestClient.VIEWER), 400, "SLEEPING");
        assertProblem(http.get("/api/executions?job=noSuchJob", HttpTestClient.VIEWER), 400, "noSuchJob");
        assertProblem(http.postFile("/api/imports", "weather", "weather.csv", "a,b\n1,2\n", HttpTestClient.ADMIN), 400, "weather");
        assertProblem(http.get("/api/executions/999999", HttpTestClient.VIEWER), 404, "999999");
        assertProblem(http.post("/api/executions/999999/restart", HttpTestClient.ADMIN), 404, "999999");
        assertProblem(http.post("/api/deliveries/999999/resend", HttpTestClient.ADMIN), 404, "999999");
        assertProblem(http.get("/api/reports/2026-10/r1/no-such-report.pdf", HttpTestClient.VIEWER), 404, "no-such-report.pdf");
        assertThat(http.get("/api/reports/2026-10/r1/..%2F..%2F..%2Fpom.xml", HttpTestClient.VIEWER).statusCode()).isIn(400, 404);

        // A review of 2026-09 revision 1 is running (claimed on another machine, say): starting it again is a conflict.
        jdbc.update("INSERT INTO review_run (period, revision, zone, status, started_at, job_instance_id)"
                + " VALUES ('2026-09', 1, 'UTC', 'RUNNING', CURRENT_TIMESTAMP, -1)");
        assertProblem(http.postJson("/api/reviews", "{\"period\": \"2026-09\", \"revision\": 1}", HttpTestClient.ADMIN), 409,
                "already running");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailMentions) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains(detailMentions);
    }

    private static JsonNode stepNamed(JsonNode execution, String name) {
        for (JsonNode step : execution.get("steps")) {
            if (step.get("name").asString().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + execution);
    }

    private JsonNode awaitEnd(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            JsonNode execution = JSON.readTree(http.get("/api/executions/" + id, HttpTestClient.VIEWER).body());
            if (!execution.get("running").asBoolean() || Instant.now().isAfter(deadline)) {
                return execution;
            }
            Thread.sleep(100);
        }
    }

    private void awaitProgress(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode execution = JSON.readTree(http.get("/api/executions/" + id, HttpTestClient.VIEWER).body());
            JsonNode progress = execution.get("progress");
            if (progress != null && !progress.isNull() && progress.get("done").asLong() > 0) {
                assertThat(progress.get("total").asLong()).isEqualTo(20_000);
                assertThat(progress.get("unit").asString()).isEqualTo("rows");
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("execution " + id + " showed no progress");
    }
}
