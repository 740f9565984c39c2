package com.qualityreview.reporting.pdf;

import com.qualityreview.system.FaultInjection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:render-partitions-4;hsqldb.tx=mvcc", "quality.scale.partitions=4",
        "quality.stakeholders=src/test/resources/review/no-stakeholders.yml", "quality.rating-scheme=src/test/resources/review/test-rating.yml",
        "quality.review.driver-min-rows=4", "quality.reports-dir=target/test-reports/render-partitions-4"})
@Import(FaultInjection.class)
class FourRenderPartitionTests extends RenderPartitionsTests {

    @Override
    int partitions() {
        return 4;
    }
}
