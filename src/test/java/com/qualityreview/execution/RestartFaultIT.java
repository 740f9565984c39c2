package com.qualityreview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.qualityreview.system.ApplicationProcess;
import com.qualityreview.system.ApplicationUnderTest;
import com.qualityreview.system.FaultTestData;
import com.qualityreview.system.HttpTestClient;
import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import java.util.ArrayList;

/**
 * One review runs once even when an administrator presses Restart while it renders: a review in
 * one process (the built jar), the console's API in another (serve), both on PostgreSQL, a real
 * SMTP server in the test JVM. Rendering is a tasklet that writes nothing to the job repository
 * for many seconds; only the heartbeat of its lease says it is alive.
 */
@ExtendWith(PostgresTestDatabase.class)
public class RestartFaultIT {

    static final String JOB = "qualityReviewJob";
    /** The password of this user is admin-secret (the test users of src/test/resources/application.properties). */
    static final String ADMIN_PASSWORD = "{bcrypt}$2a$10$aPqIEQOJMd2JN8YnFqJne.NcR/9ljag0nLhyd3zFho7/CXyZPdhOW";
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\"\\s*:\\s*(\\d+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void aReviewIsNotRestartedWhileItsProcessRendersEvenWhenStoppedAndIsRestartedOnceThatProcessIsKilled() throws Exception {
        int smtpPort = freePort();
        int httpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<String> stakeholders = FaultTestData.stakeholders(folder.resolve("stakeholders.yml"), 3);
        try (ApplicationUnderTest application = new ApplicationUnderTest(folder.resolve("app"), PostgresTestDatabase.url("restart_lease"))
                .with("quality.stakeholders", folder.resolve("stakeholders.yml").toString())
                .with("spring.mail.host", "127.0.0.1").with("spring.mail.port", Integer.toString(smtpPort))
                .with("quality.reports.threads", "1")
                .with("server.port", Integer.toString(httpPort))
                .with("quality.users[0].name", "admin").with("quality.users[0].password", ADMIN_PASSWORD)
                .with("quality.users[0].role", "ADMIN")
                // The console's own schedules must not review anything in this test.
                .with("quality.schedules.catch-up-window", "PT0S")) {
            FaultTestData.organisation(application.inboundDir(), 150, 5, 6, 21);
            application.succeed("scan-inbound");
            HttpTestClient api = new HttpTestClient(httpPort);
            ApplicationProcess console = application.start("serve");
            ApplicationProcess review = application.start("review", FaultTestData.PERIOD, "--revision=1");
            Path reviewFolder = application.reviewFolder(FaultTestData.PERIOD, 1);

            review.await("the review renders its reports", ApplicationUnderTest.RUN_TIMEOUT, () -> pdfs(reviewFolder) >= 3);
            long running = application.latestExecutionId(JOB);
            awaitApi(api, console);
            // Longer than the lease time and than any "no progress" rule: the repository hears nothing from a rendering tasklet.
            Thread.sleep(6_000);
            assertThat(review.isAlive()).as("the review still renders (more data would make it render longer)").isTrue();

            HttpResponse<String> refused = api.post("/api/executions/" + running + "/restart", HttpTestClient.ADMIN);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("process " + review.pid()).contains("cannot be restarted while it runs");
            assertThat(application.executionsOfInstance(running)).hasSize(1);

            // Stop, then Restart at once: the rendering tasklet sees the stop only when it ends; until then it runs.
            HttpResponse<String> stopping = api.post("/api/executions/" + running + "/stop", HttpTestClient.ADMIN);
            assertThat(stopping.statusCode()).as(stopping.body()).isEqualTo(202);
            HttpResponse<String> stillRefused = api.post("/api/executions/" + running + "/restart", HttpTestClient.ADMIN);
            assertThat(stillRefused.statusCode()).as(stillRefused.body()).isEqualTo(409);
            assertThat(stillRefused.body()).contains("is STOPPING in process " + review.pid());
            assertThat(application.executionsOfInstance(running)).hasSize(1);
            assertThat(review.isAlive()).isTrue();

            review.kill();
            long restarted = restartWhenTheLeaseHasExpired(api, running);

            awaitCompleted(api, restarted);
            assertThat(application.executionsOfInstance(running)).extracting(e -> e.get("status"))
                    .containsExactly("FAILED", "COMPLETED");
            // One set of emails: the killed run never got to send, the restarted one sent each once.
            assertThat(recipients(smtp)).containsExactlyInAnyOrderElementsOf(stakeholders);
            assertThat(Files.exists(reviewFolder.resolve("summary.csv"))).isTrue();
            assertThat(ApplicationUnderTest.temporaryFiles(application.reportsDir())).isEmpty();
        }
        finally {
            smtp.stop();
        }
    }

    private static void awaitApi(HttpTestClient api, ApplicationProcess console) throws InterruptedException {
        long deadline = System.nanoTime() + ApplicationUnderTest.RUN_TIMEOUT.toNanos();
        while (true) {
            try {
                // What a probe sees: serve never returns, yet it must declare itself ready (anonymously, no details).
                HttpResponse<String> readiness = api.get("/actuator/health/readiness", null);
                if (readiness.statusCode() == 200) {
                    assertThat(readiness.body()).contains("\"status\":\"UP\"").doesNotContain("components");
                    assertThat(api.get("/api/jobs", HttpTestClient.ADMIN).statusCode()).isEqualTo(200);
                    return;
                }
            }
            catch (Exception e) {
                // Not listening yet.
            }
            if (!console.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("serve did not become ready (/actuator/health/readiness 200)\n" + console.diagnostics());
            }
            Thread.sleep(250);
        }
    }

    /** Restart is refused (409) while the killed process's lease is live; then it is accepted (202). */
    private static long restartWhenTheLeaseHasExpired(HttpTestClient api, long executionId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = api.post("/api/executions/" + executionId + "/restart", HttpTestClient.ADMIN);
            if (response.statusCode() == 202) {
                Matcher id = EXECUTION_ID.matcher(response.body());
                assertThat(id.find()).as(response.body()).isTrue();
                return Long.parseLong(id.group(1));
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(response.body()).contains("heartbeat");
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + executionId + " could not be restarted within 60 s of its process being killed: "
                        + response.body());
            }
            Thread.sleep(500);
        }
    }

    private static void awaitCompleted(HttpTestClient api, long executionId) throws Exception {
        long deadline = System.nanoTime() + ApplicationUnderTest.RUN_TIMEOUT.toNanos();
        while (true) {
            String body = api.get("/api/executions/" + executionId, HttpTestClient.ADMIN).body();
            // The execution's own status comes first; its steps' follow.
            Matcher status = STATUS.matcher(body);
            String current = status.find() ? status.group(1) : "";
            if (current.equals("COMPLETED")) {
                return;
            }
            if (current.equals("FAILED") || System.nanoTime() > deadline) {
                throw new AssertionError("execution " + executionId + " did not complete: " + body);
            }
            Thread.sleep(500);
        }
    }

    public static List<String> recipients(GreenMail smtp) throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            recipients.add(((InternetAddress) message.getAllRecipients()[0]).getAddress());
        }
        return recipients;
    }

    static long pdfs(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".pdf")).count();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
