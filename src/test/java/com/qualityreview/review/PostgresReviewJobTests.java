package com.qualityreview.review;

import com.qualityreview.system.FaultInjection;
import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(properties = {"quality.stakeholders=src/test/resources/review/no-stakeholders.yml", "quality.rating-scheme=src/test/resources/review/test-rating.yml",
        "quality.review.sites-per-chunk=1", "quality.scale.partitions=1", "quality.review.driver-min-rows=4", "quality.reports-dir=target/test-reports/postgres"})
@Import(FaultInjection.class)
class PostgresReviewJobTests extends ReviewJobTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "review");
    }
}
