package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.util.ServerSetup;
import com.qualityreview.intake.Imports;
import com.qualityreview.review.SmallOrganisation;
import com.qualityreview.system.HttpTestClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A review whose mail server answers slowly, one delivery at a time: while it sends, the API and
 * the console show how many of the revision's deliveries are done, as they show sites while it
 * summarises.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:sending-progress-tests;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/sending-progress",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.delivery.threads=1", "spring.mail.host=127.0.0.1"})
class SendingProgressTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int SMTP_PORT = DeliveryTests.freePort();
    /** The four stakeholders of src/test/resources/delivery/stakeholders.yml. */
    static final int DELIVERIES = 4;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    Imports imports;

    @Test
    void whileDeliveriesGoOutTheApiAndTheConsoleShowHowManyOfTheRevisionsDeliveriesAreDone(@TempDir Path folder)
            throws Exception {
        SmallOrganisation.load(imports, folder);
        // 1.5 s before each "250 OK", one delivery at a time: about 6 s of sending, several progress saves.
        SlowGreenMail smtp = new SlowGreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), 1500);
        smtp.start();
        try {
            HttpTestClient http = new HttpTestClient(port);
            HttpResponse<String> started = http.postJson("/api/reviews", "{\"period\": \"2026-10\"}", HttpTestClient.ADMIN);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            long id = JSON.readTree(started.body()).get("executionId").asLong();

            JsonNode midway = awaitSendingMidway(http, id);
            long done = midway.get("done").asLong();
            assertThat(done).isStrictlyBetween(0L, (long) DELIVERIES);
            assertThat(midway.get("total").asLong()).isEqualTo(DELIVERIES);
            assertThat(midway.get("text").asString()).startsWith(done + " of " + DELIVERIES + " deliveries (");
            // Counted only once the server answered: never more done than the server has taken.
            assertThat(done).isLessThanOrEqualTo(smtp.getReceivedMessages().length);
            assertThat(consolePage(id)).contains(" of " + DELIVERIES + " deliveries (");

            JsonNode ended = awaitEnd(http, id);
            assertThat(ended.get("status").asString()).isEqualTo("COMPLETED");
            JsonNode send = step(ended, "sendDeliveriesStep").get("progress");
            assertThat(send.get("done").asLong()).isEqualTo(DELIVERIES);
            assertThat(send.get("total").asLong()).isEqualTo(DELIVERIES);
            assertThat(smtp.getReceivedMessages()).hasSize(DELIVERIES);
            JsonNode render = step(ended, "renderReportsStep").get("progress");
            assertThat(render.get("unit").asString()).isEqualTo("reports");
            assertThat(render.get("done").asLong()).isEqualTo(render.get("total").asLong()).isPositive();
        }
        finally {
            smtp.stop();
        }
    }

    /** The send step's progress as the API shows it while some but not all deliveries are done. */
    private static JsonNode awaitSendingMidway(HttpTestClient http, long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode execution = JSON.readTree(http.get("/api/executions/" + id, HttpTestClient.VIEWER).body());
            for (JsonNode step : execution.get("steps")) {
                JsonNode progress = step.get("progress");
                if (step.get("name").asString().equals("sendDeliveriesStep") && progress != null && !progress.isNull()
                        && progress.get("done").asLong() > 0 && progress.get("done").asLong() < progress.get("total").asLong()) {
                    assertThat(execution.get("progress").get("unit").asString()).as("the execution's progress is its send step's")
                            .isEqualTo("deliveries");
                    return progress;
                }
            }
            assertThat(execution.get("running").asBoolean()).as("still running: " + execution).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + id + " never showed its deliveries part done");
    }

    private static JsonNode awaitEnd(HttpTestClient http, long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode execution = JSON.readTree(http.get("/api/executions/" + id, HttpTestClient.VIEWER).body());
            if (!execution.get("running").asBoolean()) {
                return execution;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + id + " did not end");
    }

    private static JsonNode step(JsonNode execution, String name) {
        for (JsonNode step : execution.get("steps")) {
            if (step.get("name").asString().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + execution);
    }

    /** The execution's console page, as a viewer logged in with the form sees it. */
    private String consolePage(long id) throws Exception {
        HttpResponse<String> page = new HttpTestClient(port).consolePage("/executions/" + id, HttpTestClient.VIEWER);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
