package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.qualityreview.system.ApplicationProcess;
import com.qualityreview.system.ApplicationUnderTest;
import com.qualityreview.system.FaultTestData;
import com.qualityreview.system.PostgresTestDatabase;
import com.qualityreview.system.ScriptedSmtpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The worst moment to die: the SMTP server has the whole message, the final dot included, and has
 * not answered yet. The sending process (the built jar) is killed there; restarted as the docs say,
 * the review reports that delivery UNCERTAIN, sends the others, and nothing sends that one again
 * until an administrator asks — then with the same Message-ID.
 */
@ExtendWith(PostgresTestDatabase.class)
class UncertainDeliveryFaultIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void aSenderKilledAfterTheFinalDotLeavesOneUncertainDeliveryAndNoSecondMessage() throws Exception {
        List<String> stakeholders = FaultTestData.stakeholders(folder.resolve("stakeholders.yml"), 4);
        String caught = stakeholders.get(1);
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer().silentAfterDataFor(caught);
             ApplicationUnderTest application = new ApplicationUnderTest(folder.resolve("app"), PostgresTestDatabase.url("uncertain"))
                     .with("quality.stakeholders", folder.resolve("stakeholders.yml").toString())
                     .with("spring.mail.host", "127.0.0.1").with("spring.mail.port", Integer.toString(smtp.port()))
                     .with("quality.delivery.threads", "1")
                     // The server's silence must outlast the kill: no read timeout ends the conversation first.
                     .with("quality.mail.read-timeout", "PT10M")) {
            FaultTestData.organisation(application.inboundDir(), 4, 2, 10, 5);
            application.succeed("scan-inbound");
            JdbcTemplate jdbc = application.jdbc();

            ApplicationProcess review = application.start("review", FaultTestData.PERIOD, "--revision=1");
            review.await("the server holds " + caught + "'s message, unanswered", ApplicationUnderTest.RUN_TIMEOUT,
                    () -> !smtp.receivedBy(caught).isEmpty());
            review.kill();

            long killed = application.latestExecutionId("qualityReviewJob");
            assertThat(jdbc.queryForObject("SELECT status FROM delivery WHERE email = ?", String.class, caught)).isEqualTo("SENDING");
            ApplicationUnderTest.Finished restart = application.restartWhenAllowed(killed);

            // Completed, with something for a person to act on (exit status 3), said on the command line.
            assertThat(restart.exitCode()).as(restart::diagnostics).isEqualTo(3);
            assertThat(restart.stdout()).contains("1 delivery uncertain");
            assertThat(jdbc.queryForList("SELECT email || ':' || status FROM delivery ORDER BY email", String.class)).containsExactly(
                    stakeholders.get(0) + ":SENT", caught + ":UNCERTAIN", stakeholders.get(2) + ":SENT", stakeholders.get(3) + ":SENT");
            for (String stakeholder : stakeholders) {
                assertThat(smtp.receivedBy(stakeholder)).as(stakeholder).hasSize(1);
            }

            // The ordinary resend (of failed deliveries) leaves the uncertain one alone, and says so.
            ApplicationUnderTest.Finished resend = application.run("resend", FaultTestData.PERIOD);
            assertThat(resend.exitCode()).isEqualTo(3);
            assertThat(resend.stdout()).contains("1 delivery uncertain");
            assertThat(smtp.receivedBy(caught)).hasSize(1);

            // An administrator found it never arrived: resent on request, as the same message.
            smtp.answerEveryone();
            assertThat(application.run("resend", FaultTestData.PERIOD, "--uncertain").exitCode()).isZero();
            List<ScriptedSmtpServer.Received> copies = smtp.receivedBy(caught);
            assertThat(copies).hasSize(2);
            assertThat(copies.get(1).messageId()).isEqualTo(copies.get(0).messageId()).isNotNull();
            assertThat(jdbc.queryForObject("SELECT status FROM delivery WHERE email = ?", String.class, caught)).isEqualTo("SENT");
            assertThat(smtp.received()).hasSize(stakeholders.size() + 1);
        }
    }
}
