package com.qualityreview;

import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/api-postgres",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.outbox-dir=target/test-reports/api-postgres/mail",
        "quality.importing.chunk-size=5"})
class PostgresApiTests extends ApiTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "api");
    }
}
