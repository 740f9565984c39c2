package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import com.icegreen.greenmail.util.ServerSetup;
import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.review.SmallOrganisation;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Sending speed: 2,000 deliveries, each with its PDF attached, to an SMTP server on loopback
 * (GreenMail, in the same JVM): {@code ./mvnw -Pbenchmark verify -Dtest=DeliveryBenchmark}.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:delivery-benchmark;hsqldb.tx=mvcc",
        "quality.stakeholders=target/benchmark/stakeholders.yml", "quality.reports-dir=target/benchmark/delivery",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "spring.mail.host=127.0.0.1"})
class DeliveryBenchmark {

    static final int DELIVERIES = Integer.getInteger("benchmark.deliveries", 2_000);
    static final int PORT = port();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) throws Exception {
        Path file = Path.of("target/benchmark/stakeholders.yml");
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("stakeholders:\n");
            String[] scopes = {"ORG", "\"REGION:R1\"", "\"SITE:A\"", "\"SITE:B\"", "\"SITE:C\""};
            for (int i = 0; i < DELIVERIES; i++) {
                out.write("  - { name: Reader " + i + ", email: reader" + i + "@example.com, locale: " + (i % 2 == 0 ? "en" : "zh-CN")
                        + ", scope: " + scopes[i % scopes.length] + " }\n");
            }
        }
        registry.add("spring.mail.port", () -> PORT);
    }

    static int port() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;

    @Test
    void sendTwoThousandDeliveries() throws Exception {
        SmallOrganisation.load(imports, Files.createTempDirectory("benchmark"));
        RejectingGreenMail smtp = new RejectingGreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());
            assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            var send = review.getStepExecutions().stream().filter(s -> s.getStepName().equals("sendDeliveriesStep")).findFirst().orElseThrow();
            double seconds = Duration.between(send.getStartTime(), send.getEndTime()).toMillis() / 1000.0;
            assertThat(smtp.getReceivedMessages()).hasSize(DELIVERIES);
            assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
                try {
                    return m.getMessageID();
                }
                catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            })).doesNotHaveDuplicates();
            System.out.printf("BENCHMARK deliveries: %,d messages with a PDF attached (about %d KB each) in %.1f s = %.1f messages/s%n",
                    DELIVERIES, smtp.getReceivedMessages()[0].getSize() / 1024, seconds, DELIVERIES / seconds);
        }
        finally {
            smtp.stop();
        }
    }
}
