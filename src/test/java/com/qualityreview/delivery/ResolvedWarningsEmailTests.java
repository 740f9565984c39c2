package com.qualityreview.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
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

/**
 * The email body of a review after one whose warnings no longer hold: each warning says whether it
 * is new, and the resolved ones are listed under their own heading, in the stakeholder's language.
 * <pre>
 * 2026-10 (SmallOrganisation): A fails SAFE (X1), B misses WAIT (20 against 10); both new.
 * 2026-11: A has N1 alone (1 row &lt; 2: UNRATED, was 2★: a MINOR downgrade, new), no SAFE audit (no
 *          longer failed: resolved after 1 month); B has no rows (UNRATED, was 1★: new downgrade) and
 *          meets WAIT (1): its KPI miss resolved after 1 month.
 * </pre>
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:resolved-warnings-email-tests;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/resolved-warnings",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml",
        "quality.outbox-dir=target/test-reports/resolved-warnings/mail"})
class ResolvedWarningsEmailTests {

    private static final Path OUTBOX = Path.of("target/test-reports/resolved-warnings/mail");

    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;

    @TempDir
    Path folder;

    @Test
    void theEmailListsTheWarningsResolvedSinceThePreviousPeriodUnderTheirOwnHeadingInEachLanguage() throws Exception {
        if (Files.isDirectory(OUTBOX)) {
            try (Stream<Path> old = Files.list(OUTBOX)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        SmallOrganisation.load(imports, folder);
        assertThat(reviews.start(Period.parse("2026-10"), Optional.empty()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(reviews.start(Period.parse("2026-11"), Optional.empty()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        String adam = body("adam@example.com", "2026-11");
        assertThat(adam).contains("A · Minor · Rating downgrade (new): No longer rated (was 2★)",
                "\nResolved since 2026-10\n  - A Alpha 甲 · Mandatory criterion failed: ran 1 month\n");
        assertThat(adam).contains("<h3>Resolved since 2026-10</h3><ul><li>A Alpha 甲 · Mandatory criterion failed: ran 1 month</li></ul>");
        // The region's stakeholder reads Chinese: the resolved items of both its sites.
        String region = body("region.one@example.com", "2026-11");
        assertThat(region).contains("(新)", "\n自2026-10以来已解决\n  - A Alpha 甲 · 必备条件未达标：持续1个月\n  - B Beta · KPI 未达标：持续1个月\n");
        // October had no review before it: nothing resolved, no heading.
        assertThat(body("adam@example.com", "2026-10")).contains("(new)").doesNotContain("Resolved since");
    }

    /** The plain and HTML text of the one email of the period to the address (line breaks as \n). */
    private static String body(String address, String period) throws Exception {
        try (Stream<Path> files = Files.list(OUTBOX)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream eml = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), eml);
                    if (((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(address)
                            && message.getSubject().contains(period)) {
                        StringBuilder text = new StringBuilder();
                        collectText(message, text);
                        return text.toString();
                    }
                }
            }
        }
        throw new AssertionError("no email of " + period + " to " + address);
    }

    private static void collectText(Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("text/*") && part.getFileName() == null) {
            text.append(part.getContent().toString().replace("\r\n", "\n")).append('\n');
        }
        else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectText(child, text);
            }
        }
    }
}
