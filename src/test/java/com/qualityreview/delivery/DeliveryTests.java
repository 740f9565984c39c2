package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.ServerSetup;
import com.qualityreview.delivery.mail.MailTransport;
import com.qualityreview.execution.ExecutionView;
import com.qualityreview.execution.Executions;
import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.review.SmallOrganisation;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import com.qualityreview.execution.Restarts;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.TreeMap;

/**
 * Delivery through a real SMTP conversation with GreenMail on loopback: one message per
 * stakeholder with the PDF of their scope and language, retries while the server is down, a 550
 * for one recipient, and a kill in the middle of sending.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:delivery-tests;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/delivery",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml",
        "quality.delivery.retry-delay=PT0.2S", "quality.delivery.max-attempts=8", "spring.mail.host=127.0.0.1"})
@Import(DeliveryTests.KillSwitch.class)
class DeliveryTests {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    /**
     * Throws an Error in the sending thread right after the server accepted the n-th message: the
     * run dies there, the process does not (DeliveryFaultIT kills a real process at that point).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class KillSwitch {
        static final AtomicInteger killAfter = new AtomicInteger(-1);

        @Bean
        static BeanPostProcessor killableTransport() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof MailTransport transport) {
                        return new MailTransport() {
                            @Override
                            public Connection connect() throws MessagingException {
                                Connection connection = transport.connect();
                                return new Connection() {
                                    @Override
                                    public void send(MimeMessage message, Delivery delivery) throws MessagingException {
                                        connection.send(message, delivery);
                                        if (killAfter.decrementAndGet() == 0) {
                                            throw new KilledForTest();
                                        }
                                    }

                                    @Override
                                    public void sendNotice(MimeMessage message, String outboxName) throws MessagingException {
                                        connection.sendNotice(message, outboxName);
                                    }

                                    @Override
                                    public boolean outcomeUnknown(Exception failure) {
                                        return connection.outcomeUnknown(failure);
                                    }

                                    @Override
                                    public void close() {
                                        connection.close();
                                    }
                                };
                            }

                            @Override
                            public Optional<Boolean> wentOut(Delivery delivery) {
                                return transport.wentOut(delivery);
                            }

                            @Override
                            public String describe() {
                                return transport.describe();
                            }
                        };
                    }
                    return bean;
                }
            };
        }
    }

    static final class KilledForTest extends Error {
        KilledForTest() {
            super("process killed (test)");
        }
    }

    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Executions executions;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    RejectingGreenMail smtp;

    @BeforeEach
    void organisationAndServer() throws Exception {
        KillSwitch.killAfter.set(-1);
        for (String table : List.of("delivery", "review_trend", "review_figures", "review_rating_count", "review_pareto", "review_kpi",
                "review_mandatory", "review_compliance", "review_warning", "review_resolved_warning", "review_run", "rejected_row", "import_file", "feedback",
                "audit_item", "kpi_measurement", "kpi_definition", "criterion", "site", "region")) {
            jdbc.update("DELETE FROM " + table);
        }
        SmallOrganisation.load(imports, folder);
        smtp = new RejectingGreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopServer() {
        smtp.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, List<MimeMessage>> receivedByRecipient() throws Exception {
        Map<String, List<MimeMessage>> byRecipient = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
            byRecipient.computeIfAbsent(to, t -> new ArrayList<>()).add(message);
        }
        return byRecipient;
    }

    static String attachmentText(MimeMessage message, String expectedName) throws Exception {
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (expectedName.equals(part.getFileName())) {
                try (InputStream pdf = part.getInputStream()) {
                    return new PDFTextStripper().getText(Loader.loadPDF(pdf.readAllBytes()));
                }
            }
        }
        throw new AssertionError("no attachment " + expectedName);
    }

    List<String> statuses() {
        return jdbc.queryForList("SELECT email || ':' || status FROM delivery ORDER BY email", String.class);
    }

    @Test
    void eachStakeholderReceivesExactlyOneMessageWithTheReportOfTheirScopeAndLanguage() throws Exception {
        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, List<MimeMessage>> received = receivedByRecipient();
        assertThat(received).hasSize(4).allSatisfy((to, messages) -> assertThat(messages).hasSize(1));

        MimeMessage site = received.get("adam@example.com").get(0);
        assertThat(site.getSubject()).isEqualTo("Quality review 2026-10 · Site Alpha 甲 (A) · 2★");
        assertThat(site.getMessageID()).matches("<quality-review\\.delivery-\\d+\\.2026-10\\.r1@quality-review\\.local>");
        assertThat(attachmentText(site, "site-A.en.pdf")).contains("Site Quality Review").contains("Alpha 甲");

        MimeMessage region = received.get("region.one@example.com").get(0);
        assertThat(region.getSubject()).startsWith("服务质量评审 2026-10 · 区域 Region one（R1）");
        assertThat(attachmentText(region, "region-R1.zh-CN.pdf")).contains("Region one").contains("第 1 页");
        assertThat(attachmentText(received.get("olivia@example.com").get(0), "executive.en.pdf")).contains("Executive Quality Review");
        assertThat(attachmentText(received.get("gamma@example.com").get(0), "site-C.zh-CN.pdf")).contains("Gamma");
        assertThat(plainText(region)).contains("李区域，您好").contains("核心指标").contains("反馈数量: 5");
        assertThat(plainText(site)).contains("Dear Adam Alpha,").contains("Feedback count: 2").contains("Warnings")
                .contains("Mandatory criterion failed")
                .contains("Mandatory criterion SAFE (Safe) failed (mandatory from 3★)");
        // The warnings' details in the reader's language: A failed SAFE (mandatory from 3★); B's WAIT mean is 20 against ≤ 10.
        assertThat(plainText(region)).contains("强制项 SAFE（Safe）未达标（自 3★ 起为强制项）")
                .contains("KPI Wait 为 20.00 min，目标 ≤ 10.00 min：未达标幅度超过 20%");
        // B's WAIT (20 min, target 10 min) in the organisation's warnings: the target rounded by its unit
        // as in the reports, never with the database's six decimals.
        assertThat(plainText(received.get("olivia@example.com").get(0))).contains("≤ 10.00 min").doesNotContainPattern("\\d\\.\\d{5,}");
        assertThat(statuses()).allMatch(s -> s.endsWith(":SENT"));

        // Running the review of the same revision again sends nothing that was sent.
        JobExecution again = reviews.start(Period.parse("2026-10"), Optional.of(1));
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(smtp.getReceivedMessages()).hasSize(4);
    }

    @Test
    void theEmailOfAScopeWithIncompleteDataSaysSoBeforeItsFigures() throws Exception {
        // November: A has N1 alone against F1 and F2 in October (exactly half: complete); B and C have no row.
        JobExecution review = reviews.start(Period.parse("2026-11"), Optional.empty());

        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, List<MimeMessage>> received = receivedByRecipient();
        String organisation = plainText(received.get("olivia@example.com").get(0));
        assertThat(organisation).contains("Data incomplete for 2 of 3 sites: B Beta (no feedback), C Gamma (no feedback).");
        assertThat(organisation.indexOf("Data incomplete")).isLessThan(organisation.indexOf("Headline figures"));
        assertThat(plainText(received.get("region.one@example.com").get(0))).contains("数据不完整：2 家门店中有 1 家：B Beta (无反馈)");
        assertThat(plainText(received.get("gamma@example.com").get(0))).contains("数据不完整：本期未收到任何客户反馈");
        assertThat(plainText(received.get("adam@example.com").get(0))).doesNotContain("Data incomplete").contains("Feedback count: 1");
    }

    /** The text/plain alternative of a message. */
    static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain") && part.getFileName() == null) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    @Test
    void whileTheServerIsDownDeliveriesWaitAndThenGoOutOnce() throws Exception {
        smtp.stop();
        CompletableFuture<JobExecution> review = CompletableFuture.supplyAsync(() -> {
            try {
                return reviews.start(Period.parse("2026-10"), Optional.empty());
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The first delivery is refused until the server comes back.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE attempts >= 2", Integer.class) == 0) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
        smtp = new RejectingGreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        assertThat(review.get(60, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(receivedByRecipient()).hasSize(4).allSatisfy((to, messages) -> assertThat(messages).hasSize(1));
        assertThat(statuses()).allMatch(s -> s.endsWith(":SENT"));
        assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM delivery", Integer.class)).isGreaterThan(1);
    }

    @Test
    void aTemporaryRejectionIsRetriedUntilTheServerTakesTheMessage() throws Exception {
        smtp.defer("adam@example.com", 2);

        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(review.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(receivedByRecipient()).hasSize(4).allSatisfy((to, messages) -> assertThat(messages).hasSize(1));
        assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE email = 'adam@example.com'", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE email = 'olivia@example.com'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRecipientRejectedWith550FailsAloneWithTheServersReasonAndCanBeResent() throws Exception {
        smtp.blocked().add("gamma@example.com");

        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(review.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(receivedByRecipient()).containsOnlyKeys("adam@example.com", "olivia@example.com", "region.one@example.com");
        assertThat(statuses()).containsExactly("adam@example.com:SENT", "gamma@example.com:FAILED", "olivia@example.com:SENT",
                "region.one@example.com:SENT");
        assertThat(jdbc.queryForObject("SELECT last_error FROM delivery WHERE email = 'gamma@example.com'", String.class))
                .contains("550").contains("mailbox unavailable");
        assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE email = 'gamma@example.com'", Integer.class)).isEqualTo(1);

        smtp.blocked().clear();
        Deliveries.Resent resent = deliveries.resend(Period.parse("2026-10"), Optional.empty(), Optional.empty(), false);

        assertThat(resent.sent()).isEqualTo(1);
        assertThat(resent.failed()).isZero();
        assertThat(receivedByRecipient()).hasSize(4).allSatisfy((to, messages) -> assertThat(messages).hasSize(1));
        assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE email = 'gamma@example.com'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aRunThatDiesInItsSendingThreadAndIsRestartedLeavesNoDuplicateOnTheServer() throws Exception {
        KillSwitch.killAfter.set(2); // the run dies right after the server took the second message, before recording it

        JobExecution killed = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(killed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForList("SELECT status FROM delivery", String.class)).contains("SENDING");
        int receivedBeforeRestart = smtp.getReceivedMessages().length;

        JobExecution restarted = Restarts.restartOnceReleased(executions, killed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, List<MimeMessage>> received = receivedByRecipient();
        // No recipient got a message twice, whatever was in flight when the run died.
        assertThat(received).allSatisfy((to, messages) -> assertThat(messages).hasSize(1));
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            messageIds.add(message.getMessageID());
        }
        assertThat(messageIds).doesNotHaveDuplicates();
        // Every delivery recorded as sent reached the server exactly once; the one caught between the
        // server's answer and its record is uncertain, for a person to check, not sent again.
        for (String to : jdbc.queryForList("SELECT email FROM delivery WHERE status = 'SENT'", String.class)) {
            assertThat(received.get(to)).hasSize(1);
        }
        assertThat(jdbc.queryForList("SELECT last_error FROM delivery WHERE status = 'UNCERTAIN'", String.class))
                .hasSize(1).allSatisfy(error -> assertThat(error).startsWith("its sender stopped while sending"));
        assertThat(jdbc.queryForList("SELECT status FROM delivery", String.class)).doesNotContain("PENDING", "SENDING");
        // The restart sent only what was left, yet counts every delivery of the revision, the earlier ones as done.
        assertThat(smtp.getReceivedMessages().length - receivedBeforeRestart).isLessThan(4);
        ExecutionView.Step send = executions.view(restarted.getId()).steps().stream()
                .filter(step -> step.name().equals("sendDeliveriesStep")).findFirst().orElseThrow();
        assertThat(send.progress().total()).isEqualTo(4);
        assertThat(send.progress().done()).isEqualTo(4);
    }
}
