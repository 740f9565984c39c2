package com.qualityreview.alerts;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:deadline-tests;hsqldb.tx=mvcc", "quality.zone=UTC",
        "quality.alerts.to=ops@example.com,lead@example.com", "spring.mail.host=127.0.0.1",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.rating-scheme=src/test/resources/review/test-rating.yml",
        "quality.reports-dir=target/test-reports/deadline/reports", "quality.inbound-dir=target/test-inbound-none",
        "quality.delivery.max-attempts=1", "quality.mail.read-timeout=PT2S"})
class HsqldbDeadlineWatchdogTests extends DeadlineWatchdogTests {

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }
}
