package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.qualityreview.intake.Imports;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.review.SmallOrganisation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** With no SMTP host, each delivery is written once as an .eml file to the outbox folder. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:outbox-tests;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/outbox",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.outbox-dir=target/test-reports/outbox/mail"})
class OutboxTests {

    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdminMail adminMail;

    @TempDir
    Path folder;

    static List<Path> outbox() throws Exception {
        Path mail = Path.of("target/test-reports/outbox/mail");
        if (!Files.isDirectory(mail)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(mail)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }

    @Test
    void eachDeliveryIsWrittenOnceEvenWhenTheRevisionRunsAgain() throws Exception {
        for (Path old : outbox()) {
            Files.delete(old);
        }
        SmallOrganisation.load(imports, folder);

        assertThat(reviews.start(Period.parse("2026-10"), Optional.empty()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Path> written = outbox();
        assertThat(reviews.start(Period.parse("2026-10"), Optional.of(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(written).hasSize(4);
        assertThat(outbox()).isEqualTo(written);
        assertThat(jdbc.queryForList("SELECT status FROM delivery", String.class)).containsOnly("SENT").hasSize(4);
        try (InputStream eml = Files.newInputStream(written.get(0))) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), eml);
            assertThat(message.getSubject()).startsWith("Quality review 2026-10 · Organisation");
            assertThat(message.getMessageID()).startsWith("<quality-review.delivery-");
        }
    }

    @Test
    void anAdministratorsMessageIsWrittenOnceAsItsNamedFile() throws Exception {
        Path file = Path.of("target/test-reports/outbox/mail/deadline-alert.2026-10.eml");
        Files.deleteIfExists(file);
        String id = adminMail.messageId("deadline-alert.2026-10");

        AdminMail.Attempt first = adminMail.send(List.of("ops@example.com"), "Alert", "what is missing", id, "deadline-alert.2026-10");
        AdminMail.Attempt second = adminMail.send(List.of("ops@example.com"), "Alert, again", "changed", id, "deadline-alert.2026-10");

        assertThat(first.outcome()).isEqualTo(AdminMail.Outcome.SENT);
        assertThat(second.outcome()).isEqualTo(AdminMail.Outcome.SENT);
        try (InputStream eml = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), eml);
            assertThat(message.getSubject()).isEqualTo("Alert");
            assertThat(message.getMessageID()).isEqualTo("<quality-review.deadline-alert.2026-10@quality-review.local>");
            assertThat(message.getContent().toString().strip()).isEqualTo("what is missing");
        }
    }
}
