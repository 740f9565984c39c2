package com.qualityreview.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.qualityreview.delivery.AdminMail;
import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.review.SmallOrganisation;
import com.qualityreview.system.HttpTestClient;
import com.qualityreview.system.QualityProperties;
import com.qualityreview.system.ScriptedSmtpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The watchdog against real reviews, a real SMTP server (GreenMail on loopback) and real HTTP,
 * with the application's clock set by the test: the review of 2026-10 is due by 2026-11-01 07:00
 * UTC. Reviews and deliveries themselves happen at the real time, long after that deadline.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(DeadlineWatchdogTests.TestClock.class)
abstract class DeadlineWatchdogTests {

    static final int SMTP_PORT = freePort();
    static final Period OCTOBER = Period.month(2026, 10);
    static final Instant JUST_AFTER = Instant.parse("2026-11-01T07:00:01Z");
    static final String SUBJECT = "Quality Review: review of 2026-10 missed its deadline (2026-11-01 07:00 UTC)";
    static final String MESSAGE_ID = "<quality-review.deadline-alert.2026-10@quality-review.local>";

    /** The application's clock, moved by the tests. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        static volatile Instant now = JUST_AFTER;

        @Bean
        @Primary
        Clock movableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(now, zone);
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }
    }

    @Autowired
    DeadlineWatchdog watchdog;
    @Autowired
    Reviews reviews;
    @Autowired
    Imports imports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    QualityProperties quality;
    @Autowired
    WatchedWork work;
    @Autowired
    DeadlineAlerts alerts;
    @Autowired
    AdminMail mail;
    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    GreenMail smtp;
    final ObjectMapper json = new ObjectMapper();

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void octoberImportedNothingReviewed() throws Exception {
        for (String table : List.of("deadline_alert", "delivery", "review_trend", "review_figures", "review_rating_count", "review_pareto",
                "review_kpi", "review_mandatory", "review_compliance", "review_warning", "review_resolved_warning", "review_run", "rejected_row", "import_file",
                "feedback", "audit_item", "kpi_measurement", "kpi_definition", "criterion", "site", "region")) {
            jdbc.update("DELETE FROM " + table);
        }
        FileSystemUtils.deleteRecursively(quality.reportsDir());
        SmallOrganisation.load(imports, folder);
        TestClock.now = JUST_AFTER;
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        smtp.stop();
        FileSystemUtils.deleteRecursively(quality.reportsDir());
    }

    /** The alert messages GreenMail received, one per recipient. */
    List<MimeMessage> alertsReceived() throws Exception {
        return Stream.of(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("Quality Review: review of");
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    JsonNode api() throws Exception {
        HttpResponse<String> response = new HttpTestClient(port).get("/api/deadline", HttpTestClient.VIEWER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The executions page as a person logged in to the console sees it. */
    String consoleHome() throws Exception {
        HttpResponse<String> page = new HttpTestClient(port).consolePage("/", HttpTestClient.VIEWER);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    JobExecution reviewOctober() throws Exception {
        return reviews.start(OCTOBER, Optional.empty());
    }

    @Test
    void beforeTheDeadlineNothingIsAlertedOrShown() throws Exception {
        TestClock.now = Instant.parse("2026-11-01T06:59:59Z");

        DeadlineWatchdog.Deadline seen = watchdog.check();

        assertThat(seen.state()).isEqualTo(DeadlineStatus.State.PENDING);
        assertThat(alertsReceived()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadline_alert", Integer.class)).isZero();
        assertThat(api().get("state").asText()).isEqualTo("PENDING");
        assertThat(consoleHome()).doesNotContain("missed its deadline");
    }

    @Test
    void noReviewByTheDeadlineSendsOneAlertNamingItNotStartedAndTheConsoleShowsIt() throws Exception {
        watchdog.check();

        List<MimeMessage> received = alertsReceived();
        assertThat(received).hasSize(2); // one copy per administrator
        MimeMessage alert = received.get(0);
        assertThat(alert.getSubject()).isEqualTo(SUBJECT);
        assertThat(alert.getMessageID()).isEqualTo(MESSAGE_ID);
        assertThat(Arrays.stream(alert.getAllRecipients()).map(Object::toString)).containsExactly("ops@example.com", "lead@example.com");
        assertThat(GreenMailUtil.getBody(alert)).contains("- the review of 2026-10 has not started")
                .contains("was due by 2026-11-01 07:00 UTC");

        JsonNode api = api();
        assertThat(api.get("period").asText()).isEqualTo("2026-10");
        assertThat(api.get("deadline").asText()).isEqualTo("2026-11-01 07:00 UTC");
        assertThat(api.get("state").asText()).isEqualTo("MISSED");
        assertThat(api.get("missing").get(0).asText()).isEqualTo("the review of 2026-10 has not started");
        assertThat(api.get("alertStatus").asText()).isEqualTo("SENT");
        assertThat(api.get("alertMessageId").asText()).isEqualTo(MESSAGE_ID);
        assertThat(Instant.parse(api.get("alertSentAt").asText())).isEqualTo(JUST_AFTER);
        assertThat(consoleHome()).contains("The review of 2026-10 missed its deadline (2026-11-01 07:00 UTC)")
                .contains("the review of 2026-10 has not started");
    }

    @Test
    void laterTicksAndAnotherInstanceDoNotAlertTwice() throws Exception {
        watchdog.check();
        TestClock.now = JUST_AFTER.plus(Duration.ofHours(1));
        watchdog.check();
        watchdog.withClock(Clock.fixed(JUST_AFTER.plus(Duration.ofDays(2)), ZoneOffset.UTC), "restarted-instance").check();

        assertThat(alertsReceived()).hasSize(2).allSatisfy(m -> assertThat(m.getMessageID()).isEqualTo(MESSAGE_ID));
        assertThat(jdbc.queryForObject("SELECT attempts FROM deadline_alert WHERE period = '2026-10'", Integer.class)).isEqualTo(1);
    }

    @Test
    void anAlertCutOffAfterItsDataWentOutIsUncertainAndNotSentAgain() throws Exception {
        smtp.stop();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(SMTP_PORT).silentAfterDataFor("lead@example.com")) {
            watchdog.check();
            TestClock.now = JUST_AFTER.plus(Duration.ofHours(1));
            watchdog.check();

            assertThat(server.received()).singleElement().satisfies(r -> assertThat(r.messageId()).isEqualTo(MESSAGE_ID));
        }
        JsonNode api = api();
        assertThat(api.get("state").asText()).isEqualTo("MISSED");
        assertThat(api.get("alertStatus").asText()).isEqualTo("UNCERTAIN");
        assertThat(api.get("alertSentAt").isNull()).isTrue();
    }

    @Test
    void aFailedReviewIsAlertedWithItsFailedStepAndReason() throws Exception {
        // The reports folder is a file: the review fails when it writes summary.csv.
        Files.createDirectories(quality.reportsDir().getParent());
        Files.writeString(quality.reportsDir(), "not a folder");
        JobExecution failed = reviewOctober();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        watchdog.check();

        assertThat(alertsReceived()).hasSize(2);
        assertThat(GreenMailUtil.getBody(alertsReceived().get(0))).contains("- the review of 2026-10 (revision 1, execution " + failed.getId()
                + ") failed at step writeSummaryCsvStep: ");
        assertThat(api().get("missing").get(0).asText()).startsWith("the review of 2026-10 (revision 1, execution " + failed.getId()
                + ") failed at step writeSummaryCsvStep: ").contains(quality.reportsDir().getFileName().toString());
    }

    @Test
    void deliveriesThatFailedOrAreUncertainAreCountedInTheAlert() throws Exception {
        smtp.stop(); // no server while the review sends: each delivery fails (one attempt in these tests)
        JobExecution review = reviewOctober();
        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT status FROM delivery", String.class)).hasSize(4).containsOnly("FAILED");
        // As a send cut off after its data went out leaves it (DeliveryTests shows how it gets there).
        jdbc.update("UPDATE delivery SET status = 'UNCERTAIN' WHERE email = 'olivia@example.com'");
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        watchdog.check();

        assertThat(alertsReceived()).hasSize(2);
        assertThat(GreenMailUtil.getBody(alertsReceived().get(0)))
                .contains("- 3 deliveries failed, 1 uncertain, 0 still pending (0 of 4 sent; 2026-10 revision 1)");
    }

    @Test
    void aReviewCompletedWithEveryDeliverySentIsNotAlerted() throws Exception {
        assertThat(reviewOctober().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT status FROM delivery", String.class)).hasSize(4).containsOnly("SENT");

        DeadlineWatchdog.Deadline seen = watchdog.check();

        assertThat(alertsReceived()).isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(4); // the reports only
        // Done at the real time, after this test's deadline: met, late.
        assertThat(seen.state()).isEqualTo(DeadlineStatus.State.MET_LATE);
        // Met when the last of the work was done: the review's end, or a later send.
        Instant finished = jdbc.queryForObject("SELECT finished_at FROM review_run", OffsetDateTime.class).toInstant();
        Instant lastSent = jdbc.queryForObject("SELECT MAX(sent_at) FROM delivery", OffsetDateTime.class).toInstant();
        assertThat(seen.metAt()).isEqualTo(lastSent.isAfter(finished) ? lastSent : finished);
        assertThat(seen.alertStatus()).isNull();
    }

    @Test
    void aMissedDeadlineTurnsMetLateOnceTheWorkIsDoneWithoutASecondAlert() throws Exception {
        watchdog.check();
        assertThat(alertsReceived()).hasSize(2);

        assertThat(reviewOctober().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        TestClock.now = JUST_AFTER.plus(Duration.ofHours(3));
        watchdog.check();

        assertThat(alertsReceived()).hasSize(2);
        JsonNode api = api();
        assertThat(api.get("state").asText()).isEqualTo("MET_LATE");
        assertThat(api.get("missing")).isEmpty();
        assertThat(api.get("alertStatus").asText()).isEqualTo("SENT");
        String metAt = watchdog.status().metAtShown();
        assertThat(consoleHome()).doesNotContain("missed its deadline")
                .contains("The review of 2026-10 met its deadline (2026-11-01 07:00 UTC) late, at " + metAt + ".");
    }

    @Test
    void withoutAdministratorsToAlertNothingIsSentAndTheLogSaysItOnce(CapturedOutput output) throws Exception {
        DeadlineWatchdog unaddressed = new DeadlineWatchdog(new AlertsProperties(List.of(), 1, java.time.LocalTime.of(7, 0)), quality, work,
                alerts, mail, Clock.fixed(JUST_AFTER, ZoneOffset.UTC));

        unaddressed.check();
        unaddressed.check();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(output.getOut().lines().filter(line -> line.contains("WARN") && line.contains(SUBJECT)
                && line.contains("quality.alerts.to is not set"))).hasSize(1);
        DeadlineWatchdog.Deadline seen = unaddressed.status();
        assertThat(seen.state()).isEqualTo(DeadlineStatus.State.MISSED);
        assertThat(seen.alertStatus()).isEqualTo("NO_RECIPIENTS");
        assertThat(consoleHome()).contains("The review of 2026-10 missed its deadline (2026-11-01 07:00 UTC)");
    }
}
