package com.qualityreview.intake;

import com.qualityreview.system.FaultInjection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = "spring.datasource.url=jdbc:hsqldb:mem:import-job-tests;hsqldb.tx=mvcc")
@Import(FaultInjection.class)
class HsqldbImportJobTests extends ImportJobTests {
}
