package com.qualityreview;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:api-tests;hsqldb.tx=mvcc",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.reports-dir=target/test-reports/api-hsqldb",
        "quality.rating-scheme=src/test/resources/review/test-rating.yml", "quality.outbox-dir=target/test-reports/api-hsqldb/mail",
        "quality.importing.chunk-size=5"})
class HsqldbApiTests extends ApiTests {
}
