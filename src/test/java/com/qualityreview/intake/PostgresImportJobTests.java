package com.qualityreview.intake;

import com.qualityreview.system.FaultInjection;
import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest
@Import(FaultInjection.class)
class PostgresImportJobTests extends ImportJobTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "main");
    }
}
