package com.qualityreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import com.qualityreview.demo.DemoData;
import com.qualityreview.system.HttpTestClient;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.util.TestSocketUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml brought up for real where a Docker daemon answers: the image is built from
 * the Dockerfile, the stack (PostgreSQL, Mailpit, the application) comes up on free ports under a
 * project name of its own, the application's health check turns healthy, the demo data is
 * imported and one month reviewed through the API, and Mailpit receives each stakeholder's email;
 * then everything, volumes included, is removed. Without a daemon it is skipped with the reason.
 * The first run builds the image (Maven downloads inside it): allow several minutes.
 */
class DockerComposeStackTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** A month the monthly schedule of the fresh stack never reviews by itself. */
    static final YearMonth MONTH = YearMonth.of(2025, 6);

    @Test
    void oneReviewRunsThroughTheComposeStackAndMailsEveryStakeholder(@TempDir Path folder) throws Exception {
        Optional<String> noDaemon = DockerCompose.daemonProblem();
        if (noDaemon.isPresent()) {
            skip("no Docker daemon (docker info failed): " + noDaemon.get());
        }
        List<String> compose = DockerCompose.command().orElse(null);
        if (compose == null) {
            skip("a Docker daemon answers, but neither `docker compose` nor `docker-compose` is installed");
        }

        String adminPassword = UUID.randomUUID().toString();
        int httpPort = TestSocketUtils.findAvailableTcpPort();
        int mailpitPort = TestSocketUtils.findAvailableTcpPort();
        Map<String, String> environment = new HashMap<>();
        environment.put("COMPOSE_PROJECT_NAME", "quality-review-test-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis());
        environment.put("QUALITY_HTTP_PORT", String.valueOf(httpPort));
        environment.put("QUALITY_MAILPIT_PORT", String.valueOf(mailpitPort));
        environment.put("QUALITY_DB_PORT", String.valueOf(TestSocketUtils.findAvailableTcpPort()));
        environment.put("QUALITY_DB_PASSWORD", UUID.randomUUID().toString());
        environment.put("QUALITY_RABBITMQ_PASSWORD", UUID.randomUUID().toString());
        environment.put("QUALITY_RABBITMQ_UI_PORT", String.valueOf(TestSocketUtils.findAvailableTcpPort()));
        environment.put("QUALITY_ADMIN_NAME", "admin");
        environment.put("QUALITY_ADMIN_PASSWORD", "{bcrypt}" + new BCryptPasswordEncoder().encode(adminPassword));
        // An empty env file: a developer's own .env must not decide this test.
        String envFile = Files.writeString(folder.resolve("empty.env"), "").toString();
        Stack stack = new Stack(compose, envFile, environment);
        try {
            stack.run(Duration.ofMinutes(30), "up", "-d", "--build");
            String container = stack.run(Duration.ofMinutes(1), "ps", "-q", "app").stdout().strip();
            awaitTrue(Duration.ofMinutes(5), () -> "healthy".equals(DockerCompose.run(List.of("docker", "inspect", "--format",
                    "{{.State.Health.Status}}", container), Map.of(), Duration.ofSeconds(30)).stdout().strip()),
                    () -> "the app container did not turn healthy; its log:\n" + stack.appLog());
            HttpClient plain = HttpClient.newHttpClient();
            HttpResponse<String> readiness = plain.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);

            HttpTestClient api = new HttpTestClient(httpPort);
            String admin = "admin:" + adminPassword;
            for (Path file : DemoData.writeTo(folder.resolve("demo-data"), MONTH).inImportOrder()) {
                String kind = file.getFileName().toString().replace(".csv", "");
                HttpResponse<String> started = api.postFile("/api/imports", kind, file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8), admin);
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                assertThat(awaitEnd(api, admin, started).get("status").asString()).as("import of %s", kind).isEqualTo("COMPLETED");
            }
            HttpResponse<String> review = api.postJson("/api/reviews", "{\"period\": \"" + MONTH + "\"}", admin);
            assertThat(review.statusCode()).as(review.body()).isEqualTo(202);
            assertThat(awaitEnd(api, admin, review).get("status").asString()).as(() -> "review of " + MONTH + "; app log:\n" + stack.appLog())
                    .isEqualTo("COMPLETED");

            // The review has sent its deliveries when it completes; Mailpit may take a moment to list them.
            Set<String> stakeholders = stakeholderAddresses();
            Set<String> mailed = new TreeSet<>();
            awaitTrue(Duration.ofMinutes(1), () -> {
                mailed.clear();
                mailed.addAll(recipientsOfTheMonth(plain, mailpitPort));
                return mailed.equals(stakeholders);
            }, () -> "Mailpit has emails of " + MONTH + " to " + mailed + ", not to " + stakeholders);
        }
        finally {
            stack.down();
        }
    }

    static void skip(String reason) {
        System.out.println("SKIPPED docker compose stack test: " + reason);
        Assumptions.abort(reason);
    }

    /** Who Mailpit's emails about {@link #MONTH} went to; each must carry its PDF. */
    static Set<String> recipientsOfTheMonth(HttpClient http, int mailpitPort) {
        try {
            JsonNode messages = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + mailpitPort + "/api/v1/messages?limit=500")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("messages");
            Set<String> recipients = new TreeSet<>();
            for (JsonNode message : messages) {
                if (message.get("Subject").asString().contains(MONTH.toString())) {
                    assertThat(message.get("Attachments").asInt()).as("PDFs attached to %s", message.get("Subject")).isPositive();
                    message.get("To").forEach(to -> recipients.add(to.get("Address").asString()));
                }
            }
            return recipients;
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot read Mailpit's messages: " + e.getMessage(), e);
        }
    }

    /** One compose project, run with its own name, ports and secrets. */
    record Stack(List<String> compose, String envFile, Map<String, String> environment) {

        DockerCompose.Result run(Duration timeout, String... arguments) {
            List<String> command = new ArrayList<>(compose);
            command.addAll(List.of("--env-file", envFile, "-f", DockerCompose.COMPOSE_FILE.toString()));
            command.addAll(List.of(arguments));
            DockerCompose.Result result = DockerCompose.run(command, environment, timeout);
            assertThat(result.exit()).as("%s\n%s", String.join(" ", command), result.output()).isZero();
            return result;
        }

        String appLog() {
            return run(Duration.ofMinutes(1), "logs", "--no-color", "--tail", "200", "app").output();
        }

        /** Containers, network, volumes and the image built for the test: nothing is left behind. */
        void down() {
            List<String> command = new ArrayList<>(compose);
            command.addAll(List.of("--env-file", envFile, "-f", DockerCompose.COMPOSE_FILE.toString(), "down", "--volumes", "--rmi",
                    "local", "--remove-orphans"));
            DockerCompose.Result result = DockerCompose.run(command, environment, Duration.ofMinutes(5));
            // Not an assertion: a failure here must not hide the test's own.
            if (result.exit() != 0) {
                System.err.println("could not remove the compose project " + environment.get("COMPOSE_PROJECT_NAME") + ": " + result.output());
            }
        }
    }

    static JsonNode awaitEnd(HttpTestClient api, String user, HttpResponse<String> started) throws Exception {
        long id = JSON.readTree(started.body()).get("executionId").asLong();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            JsonNode execution = JSON.readTree(api.get("/api/executions/" + id, user).body());
            if (!execution.get("running").asBoolean() || Instant.now().isAfter(deadline)) {
                return execution;
            }
            Thread.sleep(500);
        }
    }

    static void awaitTrue(Duration timeout, Supplier<Boolean> condition, Supplier<String> failure) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(2000);
        }
    }

    /** The addresses of jobs/stakeholders.yml, which the image carries. */
    @SuppressWarnings("unchecked")
    static Set<String> stakeholderAddresses() throws Exception {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("jobs/stakeholders.yml")));
        Set<String> addresses = new TreeSet<>();
        for (Map<String, Object> stakeholder : (List<Map<String, Object>>) document.get("stakeholders")) {
            addresses.add(String.valueOf(stakeholder.get("email")));
        }
        return addresses;
    }
}
