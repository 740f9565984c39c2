package com.qualityreview.reporting.pdf;

import com.qualityreview.system.FaultInjection;
import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The four-partition rendering on PostgreSQL: the scope order and the per-scope replace of report_file there. */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(properties = {"quality.scale.partitions=4", "quality.stakeholders=src/test/resources/review/no-stakeholders.yml",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.review.driver-min-rows=4",
        "quality.reports-dir=target/test-reports/render-partitions-postgres"})
@Import(FaultInjection.class)
class PostgresRenderPartitionTests extends RenderPartitionsTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "render_partitions");
    }

    @Override
    int partitions() {
        return 4;
    }
}
