package com.qualityreview.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"quality.zone=UTC",
        "quality.alerts.to=ops@example.com,lead@example.com", "spring.mail.host=127.0.0.1",
        "quality.stakeholders=src/test/resources/delivery/stakeholders.yml", "quality.rating-scheme=src/test/resources/review/test-rating.yml",
        "quality.reports-dir=target/test-reports/deadline-pg/reports", "quality.inbound-dir=target/test-inbound-none",
        "quality.delivery.max-attempts=1", "quality.mail.read-timeout=PT2S"})
class PostgresDeadlineWatchdogTests extends DeadlineWatchdogTests {

    @DynamicPropertySource
    static void postgresAndSmtp(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "deadline");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Test
    void twoWatchdogsOnOneDatabaseSendOneAlert() throws Exception {
        List<DeadlineWatchdog> instances = List.of(watchdog.withClock(Clock.fixed(JUST_AFTER, ZoneOffset.UTC), "instance-1"),
                watchdog.withClock(Clock.fixed(JUST_AFTER, ZoneOffset.UTC), "instance-2"));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<DeadlineWatchdog.Deadline>> checks = new ArrayList<>();
        for (DeadlineWatchdog instance : instances) {
            checks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                }
                catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return instance.check();
            }));
        }
        go.countDown();
        for (CompletableFuture<DeadlineWatchdog.Deadline> check : checks) {
            assertThat(check.get().state()).isEqualTo(DeadlineStatus.State.MISSED);
        }

        assertThat(alertsReceived()).hasSize(2).allSatisfy(m -> assertThat(m.getMessageID()).isEqualTo(MESSAGE_ID));
        assertThat(jdbc.queryForList("SELECT claimed_by FROM deadline_alert", String.class)).singleElement().isIn("instance-1", "instance-2");
    }
}
