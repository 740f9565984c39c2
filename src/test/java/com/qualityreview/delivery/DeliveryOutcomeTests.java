package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.review.SmallOrganisation;
import com.qualityreview.system.ConflictException;
import com.qualityreview.system.ScriptedSmtpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How each delivery ends when the SMTP conversation goes wrong at its worst moment, against a
 * real SMTP server on loopback that takes a message's data and then says nothing: uncertain,
 * never retried automatically, resent on demand with its own Message-ID; copies on request with
 * a new one; one delivery resent alone; in-flight deliveries of a live sender left alone.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:delivery-outcome-tests;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/delivery-outcome",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.delivery.retry-delay=PT0.1S",
        "quality.delivery.max-attempts=3", "quality.mail.read-timeout=PT2S", "quality.mail.connect-timeout=PT2S",
        "spring.mail.host=127.0.0.1"})
class DeliveryOutcomeTests {

    static ScriptedSmtpServer smtp;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) throws Exception {
        smtp = new ScriptedSmtpServer();
        registry.add("spring.mail.port", smtp::port);
    }

    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    int receivedBefore;

    @BeforeEach
    void organisation() throws Exception {
        for (String table : List.of("delivery", "review_trend", "review_figures", "review_rating_count", "review_pareto", "review_kpi",
                "review_mandatory", "review_compliance", "review_warning", "review_resolved_warning", "review_run", "work_lease", "rejected_row", "import_file",
                "feedback", "audit_item", "kpi_measurement", "kpi_definition", "criterion", "site", "region")) {
            jdbc.update("DELETE FROM " + table);
        }
        SmallOrganisation.load(imports, folder);
        smtp.answerEveryone();
        receivedBefore = smtp.received().size();
    }

    @AfterEach
    void serverAnswersAgain() {
        smtp.answerEveryone();
    }

    List<ScriptedSmtpServer.Received> received(String recipient) {
        return smtp.received().subList(receivedBefore, smtp.received().size()).stream()
                .filter(r -> r.recipient().equals(recipient)).toList();
    }

    String status(String email) {
        return jdbc.queryForObject("SELECT status FROM delivery WHERE email = ?", String.class, email);
    }

    long id(String email) {
        return jdbc.queryForObject("SELECT id FROM delivery WHERE email = ?", Long.class, email);
    }

    @Test
    void aSendCutOffAfterTheMessageDataWentOutIsUncertainAndNeverRetriedAutomatically() throws Exception {
        smtp.silentAfterDataFor("adam@example.com");

        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(review.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(review.getExecutionContext().getString("review.outcomeLines")).contains("1 delivery uncertain");
        assertThat(status("adam@example.com")).isEqualTo("UNCERTAIN");
        assertThat(jdbc.queryForObject("SELECT last_error FROM delivery WHERE email = 'adam@example.com'", String.class))
                .startsWith("the message data went out but the server's reply did not come back");
        // Three attempts were allowed, one was made: the server may have the message.
        assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE email = 'adam@example.com'", Integer.class)).isEqualTo(1);
        assertThat(received("adam@example.com")).hasSize(1);
        assertThat(List.of(status("olivia@example.com"), status("gamma@example.com"), status("region.one@example.com")))
                .containsOnly("SENT");

        // Running the revision again (as a restart would) leaves it alone too.
        reviews.start(Period.parse("2026-10"), Optional.of(1));
        assertThat(received("adam@example.com")).hasSize(1);
        assertThat(status("adam@example.com")).isEqualTo("UNCERTAIN");
        // So does the ordinary resend of failed deliveries; only --uncertain, after a person checked, sends it.
        assertThat(deliveries.resend(Period.parse("2026-10"), Optional.empty(), Optional.empty(), false).uncertain()).isEqualTo(1);
        assertThat(received("adam@example.com")).hasSize(1);
    }

    @Test
    void resendingAnUncertainDeliveryKeepsItsMessageIdAndACopyOnRequestGetsANewOne() throws Exception {
        smtp.silentAfterDataFor("adam@example.com");
        reviews.start(Period.parse("2026-10"), Optional.empty());
        smtp.answerEveryone();

        Deliveries.Resent resent = deliveries.resend(Period.parse("2026-10"), Optional.empty(), Optional.empty(), true);

        assertThat(resent.sent()).isEqualTo(1);
        assertThat(resent.uncertain()).isZero();
        List<ScriptedSmtpServer.Received> adam = received("adam@example.com");
        assertThat(adam).hasSize(2);
        assertThat(adam.get(1).messageId()).isEqualTo(adam.get(0).messageId())
                .matches("<quality-review\\.delivery-\\d+\\.2026-10\\.r1@quality-review\\.local>");
        assertThat(status("adam@example.com")).isEqualTo("SENT");

        deliveries.resend(Period.parse("2026-10"), Optional.empty(), Optional.of("olivia@example.com"), false);

        List<ScriptedSmtpServer.Received> olivia = received("olivia@example.com");
        assertThat(olivia).hasSize(2);
        assertThat(olivia.get(1).messageId()).isNotEqualTo(olivia.get(0).messageId())
                .matches("<quality-review\\.delivery-\\d+\\.copy-2\\.2026-10\\.r1@quality-review\\.local>");
        assertThat(jdbc.queryForObject("SELECT message_id FROM delivery WHERE email = 'olivia@example.com'", String.class))
                .isEqualTo(olivia.get(1).messageId());
    }

    @Test
    void resendingOneDeliverySendsThatOneOnly() throws Exception {
        reviews.start(Period.parse("2026-10"), Optional.empty());
        jdbc.update("UPDATE delivery SET status = 'FAILED' WHERE email IN ('adam@example.com', 'gamma@example.com')");

        Deliveries.Resent resent = deliveries.resend(id("adam@example.com"));

        assertThat(resent.sent()).isEqualTo(1);
        assertThat(received("adam@example.com")).hasSize(2);
        assertThat(received("gamma@example.com")).hasSize(1);
        assertThat(status("gamma@example.com")).isEqualTo("FAILED");
        // The resent one kept its Message-ID: it had failed, so it is the same message.
        assertThat(received("adam@example.com").get(1).messageId()).isEqualTo(received("adam@example.com").get(0).messageId());
    }

    @Test
    void aDeliveryInFlightOfALiveSenderIsLeftAloneAndOneOfADeadSenderBecomesUncertain() throws Exception {
        reviews.start(Period.parse("2026-10"), Optional.empty());
        // Another process is sending adam's delivery right now: its lease renewed a moment ago.
        jdbc.update("UPDATE delivery SET status = 'SENDING', sender_id = 'deliveries:elsewhere' WHERE email = 'adam@example.com'");
        jdbc.update("INSERT INTO work_lease (lease_id, host, pid, acquired_at, renewed_at)"
                + " VALUES ('deliveries:elsewhere', 'other-host', 4242, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

        deliveries.resend(Period.parse("2026-10"), Optional.empty(), Optional.empty(), true);
        assertThatThrownBy(() -> deliveries.resend(id("adam@example.com"))).isInstanceOf(ConflictException.class)
                .hasMessage("delivery " + id("adam@example.com") + " is being sent right now");

        assertThat(status("adam@example.com")).isEqualTo("SENDING");
        assertThat(received("adam@example.com")).hasSize(1);

        // That process died: its lease was last renewed an hour ago.
        jdbc.update("UPDATE work_lease SET renewed_at = ? WHERE lease_id = 'deliveries:elsewhere'",
                OffsetDateTime.now().minusHours(1));
        deliveries.resend(Period.parse("2026-10"), Optional.empty(), Optional.empty(), false);

        assertThat(status("adam@example.com")).isEqualTo("UNCERTAIN");
        assertThat(received("adam@example.com")).hasSize(1);
    }

    @Test
    void aServerThatNeverAnswersDoesNotHoldASendingThreadForEver() throws Exception {
        smtp.silentGreeting();
        long start = System.nanoTime();

        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());

        // Three attempts of at most two seconds each, and the short waits between them, per delivery.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(review.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(jdbc.queryForList("SELECT status FROM delivery", String.class)).hasSize(4).containsOnly("FAILED");
        assertThat(jdbc.queryForList("SELECT last_error FROM delivery", String.class))
                .allSatisfy(error -> assertThat(error).containsIgnoringCase("timed out"));
        assertThat(jdbc.queryForList("SELECT attempts FROM delivery", Integer.class)).containsOnly(3);
    }
}
