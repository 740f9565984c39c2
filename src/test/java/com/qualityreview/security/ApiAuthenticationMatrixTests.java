package com.qualityreview.security;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every API endpoint and the actuator's, over real HTTP: without login 401 (with a problem body and
 * a Basic challenge), as VIEWER reads 200 and changes 403, as ADMIN allowed with the status the
 * action earns (202 started, 409 for an execution that is not running, ...). Health and info are
 * open to probes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:api-matrix;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/api-matrix",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.outbox-dir=target/test-reports/api-matrix/mail"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthenticationMatrixTests {

    @LocalServerPort
    int port;
    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;

    HttpTestClient http;
    long completedExecution;
    long delivery;

    record Endpoint(String method, String path, int adminStatus) {
        boolean reads() {
            return method.equals("GET");
        }
    }

    @BeforeAll
    void aReviewWithReportsAndDeliveries(@TempDir Path folder) throws Exception {
        http = new HttpTestClient(port);
        SmallOrganisation.load(imports, folder);
        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.of(1));
        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        completedExecution = review.getId();
        delivery = jdbc.queryForObject("SELECT MIN(id) FROM delivery WHERE period = '2026-10'", Long.class);
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/jobs", 200),
                new Endpoint("GET", "/api/executions", 200),
                new Endpoint("GET", "/api/executions?job=qualityReviewJob&status=COMPLETED", 200),
                new Endpoint("GET", "/api/executions/" + completedExecution, 200),
                new Endpoint("GET", "/api/reports", 200),
                new Endpoint("GET", "/api/deadline", 200),
                new Endpoint("GET", "/api/reports?period=2026-10", 200),
                new Endpoint("GET", "/api/reports/2026-10/r1/summary.csv", 200),
                new Endpoint("GET", "/api/deliveries?period=2026-10&status=SENT", 200),
                new Endpoint("GET", "/api/audit", 200),
                new Endpoint("GET", "/v3/api-docs", 200),
                new Endpoint("GET", "/actuator/prometheus", 200),
                new Endpoint("GET", "/actuator/metrics", 200),
                new Endpoint("POST", "/actuator/prometheus", 405),
                new Endpoint("POST", "/api/reviews", 202),
                new Endpoint("POST", "/api/imports", 202),
                new Endpoint("POST", "/api/executions/" + completedExecution + "/stop", 409),
                new Endpoint("POST", "/api/executions/" + completedExecution + "/restart", 409),
                new Endpoint("POST", "/api/deliveries/" + delivery + "/resend", 200));
    }

    HttpResponse<String> call(Endpoint endpoint, String user) throws Exception {
        return switch (endpoint.path()) {
            case "/api/reviews" -> http.postJson(endpoint.path(), "{\"period\": \"2026-10\"}", user);
            case "/api/imports" -> http.postFile(endpoint.path(), "sites", "sites.csv",
                    "site_code,name,region_code,region_name\nD,Delta,R2,Region two\n", user);
            default -> endpoint.reads() ? http.get(endpoint.path(), user) : http.post(endpoint.path(), user);
        };
    }

    @Test
    void withoutLoginEveryEndpointAnswers401WithABasicChallengeAndAProblem() {
        assertSoftly(softly -> {
            for (Endpoint endpoint : endpoints()) {
                HttpResponse<String> response = unchecked(() -> call(endpoint, null));
                softly.assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(401);
                softly.assertThat(response.headers().firstValue("WWW-Authenticate")).as(endpoint.toString())
                        .hasValue("Basic realm=\"Quality Review\"");
                softly.assertThat(response.headers().firstValue("Content-Type").orElse("")).as(endpoint.toString())
                        .startsWith("application/problem+json");
                softly.assertThat(response.body()).as(endpoint.toString()).contains("\"status\":401");
            }
        });
    }

    @Test
    void healthAndInfoAreOpenToProbesAndReadinessHasNoMailWithoutAnSmtpHost() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info")) {
            HttpResponse<String> response = http.get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("components");
        }
        JsonNode readiness = JsonMapper.builder().build().readTree(http.get("/actuator/health/readiness", HttpTestClient.VIEWER).body());
        assertThat(readiness.path("components").path("db").path("status").asString()).as(readiness.toString()).isEqualTo("UP");
        assertThat(readiness.path("components").has("mail")).as(readiness.toString()).isFalse();
        // Anything else under /actuator, even one that does not exist, needs a login first.
        assertThat(http.get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/env", HttpTestClient.ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongPasswordOrUnknownUserIs401() throws Exception {
        assertThat(http.get("/api/executions", "admin:not-the-password").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/executions", "nobody:admin-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerReadsEverythingAndChangesNothingAndEachRefusalIsAudited() {
        long auditBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), -1) FROM audit_event", Long.class);
        long executionsBefore = count("BATCH_JOB_EXECUTION");
        assertSoftly(softly -> {
            for (Endpoint endpoint : endpoints()) {
                HttpResponse<String> response = unchecked(() -> call(endpoint, HttpTestClient.VIEWER));
                softly.assertThat(response.statusCode()).as(endpoint + " " + response.body()).isEqualTo(endpoint.reads() ? 200 : 403);
            }
        });
        assertThat(count("BATCH_JOB_EXECUTION")).isEqualTo(executionsBefore);
        assertThat(jdbc.queryForList("SELECT username || ' ' || action || ' ' || target || ': ' || outcome FROM audit_event WHERE id > ?"
                + " ORDER BY id", String.class, auditBefore)).containsExactlyElementsOf(endpoints().stream().filter(e -> !e.reads())
                        .map(e -> "viewer refused request POST " + e.path() + ": 403 from 127.0.0.1: this needs the ADMIN role;"
                                + " VIEWER may only read").toList());
    }

    @Test
    void anAdminMayDoEverything() {
        assertSoftly(softly -> {
            for (Endpoint endpoint : endpoints()) {
                HttpResponse<String> response = unchecked(() -> call(endpoint, HttpTestClient.ADMIN));
                softly.assertThat(response.statusCode()).as(endpoint + " " + response.body()).isEqualTo(endpoint.adminStatus());
            }
        });
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE username = 'admin' ORDER BY id", String.class))
                .contains("start review", "start import", "resend");
    }

    @AfterAll
    void backgroundJobsHaveEnded() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED')", Long.class) > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
