package com.qualityreview.review;

import com.qualityreview.system.FaultInjection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:review-job-tests;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/review/no-stakeholders.yml", "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.review.sites-per-chunk=1", "quality.scale.partitions=1", "quality.review.driver-min-rows=4",
        "quality.reports-dir=target/test-reports/hsqldb"})
@Import(FaultInjection.class)
class HsqldbReviewJobTests extends ReviewJobTests {
}
