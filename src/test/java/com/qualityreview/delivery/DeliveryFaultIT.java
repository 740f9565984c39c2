package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.ServerSetup;
import com.qualityreview.system.ApplicationProcess;
import com.qualityreview.system.ApplicationUnderTest;
import com.qualityreview.system.FaultTestData;
import com.qualityreview.system.PostgresTestDatabase;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A review killed with SIGKILL while it emails its reports, then restarted: the packaged jar as
 * child processes, PostgreSQL, and a real SMTP server (GreenMail) in the test JVM.
 */
@ExtendWith(PostgresTestDatabase.class)
class DeliveryFaultIT {

    static final int STAKEHOLDERS = 30;
    static final int THREADS = 1;

    // Kept when the test fails: the children's output and logs are there.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void aReviewKilledWhileSendingAndRestartedSendsEveryStakeholderOneEmailAndNoneTwice() throws Exception {
        int port = freePort();
        // 400 ms between taking each message and answering: the moment to kill the sender in.
        SlowGreenMail smtp = new SlowGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), 400);
        smtp.start();
        List<String> stakeholders = FaultTestData.stakeholders(folder.resolve("stakeholders.yml"), STAKEHOLDERS);
        String database = PostgresTestDatabase.url("delivery_fault");
        try (ApplicationUnderTest application = new ApplicationUnderTest(folder.resolve("app"), database)
                .with("quality.stakeholders", folder.resolve("stakeholders.yml").toString())
                .with("spring.mail.host", "127.0.0.1").with("spring.mail.port", Integer.toString(port))
                .with("quality.delivery.threads", Integer.toString(THREADS))) {
            FaultTestData.organisation(application.inboundDir(), 4, 2, 10, 3);
            application.succeed("scan-inbound");

            ApplicationProcess review = application.start("review", FaultTestData.PERIOD, "--revision=1");
            // The worst moment: the server has taken a message (the sixth or later) the sender has not recorded as sent.
            JdbcTemplate jdbc = application.jdbc();
            review.await("GreenMail has taken a message not yet recorded as sent", Duration.ofMinutes(4), application.database(db -> {
                int received = smtp.getReceivedMessages().length;
                Map<String, Object> statuses = db.queryForMap("SELECT COUNT(CASE WHEN status = 'SENT' THEN 1 END) AS sent,"
                        + " COUNT(CASE WHEN status = 'SENDING' THEN 1 END) AS sending FROM delivery");
                return received >= 6 && ((Number) statuses.get("sending")).intValue() == 1
                        && ((Number) statuses.get("sent")).intValue() == received - 1;
            }));
            review.kill();

            long killed = application.latestExecutionId("qualityReviewJob");
            assertThat(application.executionStatus(killed)).isEqualTo("STARTED");
            int receivedWhenKilled = smtp.getReceivedMessages().length;
            review.say("killed with " + receivedWhenKilled + " of " + STAKEHOLDERS + " messages received");
            assertThat(receivedWhenKilled).as("messages received when killed").isLessThan(STAKEHOLDERS);

            ApplicationUnderTest.Finished restart = application.restartWhenAllowed(killed);

            assertThat(application.executionsOfInstance(killed)).extracting(e -> e.get("status")).last().isEqualTo("COMPLETED");
            List<Map<String, Object>> deliveries = jdbc.queryForList(
                    "SELECT email, status, last_error, message_id FROM delivery WHERE period = ? AND revision = 1",
                    FaultTestData.PERIOD);
            assertExactlyOneMessagePerStakeholderExceptInterruptedDeliveries(stakeholders, smtp.getReceivedMessages(),
                    deliveries, restart);
            assertThat(ApplicationUnderTest.temporaryFiles(application.folder())).as("temporary files (reports, outbox, inbound)")
                    .isEmpty();
        }
        finally {
            smtp.stop();
        }
    }

    /**
     * SPEC section 9: a delivery recorded SENT got exactly one message (with its Message-ID), and
     * nobody got two. A delivery cut off while sending cannot be known to have arrived: it is
     * reported UNCERTAIN, never resent automatically, and got at most one message. At most one delivery per sending thread can be
     * in flight at the kill, and the restarted review's outcome says how many need a person.
     */
    static void assertExactlyOneMessagePerStakeholderExceptInterruptedDeliveries(List<String> stakeholders, MimeMessage[] received,
            List<Map<String, Object>> deliveries, ApplicationUnderTest.Finished restart) throws Exception {
        Map<String, List<MimeMessage>> messagesByRecipient = new HashMap<>();
        for (MimeMessage message : received) {
            for (Address recipient : message.getAllRecipients()) {
                messagesByRecipient.computeIfAbsent(((InternetAddress) recipient).getAddress(), r -> new ArrayList<>()).add(message);
            }
        }
        Map<String, Map<String, Object>> deliveryByEmail = deliveries.stream()
                .collect(Collectors.toMap(d -> (String) d.get("email"), d -> d));
        assertThat(deliveryByEmail.keySet()).as("one delivery per stakeholder").containsExactlyInAnyOrderElementsOf(stakeholders);
        assertThat(messagesByRecipient.keySet()).as("recipients").isSubsetOf(stakeholders);

        SoftAssertions softly = new SoftAssertions();
        int interrupted = 0;
        for (String email : stakeholders) {
            Map<String, Object> delivery = deliveryByEmail.get(email);
            List<MimeMessage> messages = messagesByRecipient.getOrDefault(email, List.of());
            String status = (String) delivery.get("status");
            if (status.equals("SENT")) {
                softly.assertThat(messages).as("messages to %s (delivery SENT)", email).hasSize(1);
                if (messages.size() == 1) {
                    softly.assertThat(bare(messages.get(0).getMessageID())).as("Message-ID of the message to %s", email)
                            .isEqualTo(bare((String) delivery.get("message_id")));
                }
            }
            else {
                interrupted++;
                String error = String.valueOf(delivery.get("last_error"));
                softly.assertThat(status).as("delivery to %s (%s): only a send cut off by the kill may be left unsent", email, error)
                        .isEqualTo("UNCERTAIN");
                softly.assertThat(error).startsWith("its sender stopped while sending");
                softly.assertThat(messages).as("messages to %s (delivery %s)", email, status).hasSizeLessThanOrEqualTo(1);
            }
        }
        softly.assertThat(interrupted).as("deliveries in flight when killed (one sending thread)").isLessThanOrEqualTo(THREADS);
        if (interrupted == 0) {
            softly.assertThat(restart.exitCode()).as(restart::diagnostics).isZero();
        }
        else {
            // Exit status 3: completed, but something needs a person; the outcome names how many.
            softly.assertThat(restart.exitCode()).as(restart::diagnostics).isEqualTo(3);
            softly.assertThat(restart.stdout()).as(restart::diagnostics)
                    .contains(interrupted + (interrupted == 1 ? " delivery" : " deliveries") + " uncertain");
        }
        softly.assertAll();
    }

    private static String bare(String messageId) {
        return messageId == null ? null : messageId.replaceAll("^<|>$", "");
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
