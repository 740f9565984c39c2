package com.qualityreview.scheduling;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:scheduler-tests;hsqldb.tx=mvcc", "quality.zone=Asia/Shanghai",
        "quality.reports-dir=target/test-reports/scheduling", "quality.inbound-dir=target/test-inbound-none",
        "quality.stakeholders=src/test/resources/review/no-stakeholders.yml"})
class HsqldbSchedulerTests extends SchedulerTests {
}
