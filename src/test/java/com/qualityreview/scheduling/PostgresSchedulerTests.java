package com.qualityreview.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

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
@SpringBootTest(properties = {"quality.zone=Asia/Shanghai", "quality.reports-dir=target/test-reports/scheduling-pg",
        "quality.inbound-dir=target/test-inbound-none", "quality.stakeholders=src/test/resources/review/no-stakeholders.yml"})
class PostgresSchedulerTests extends SchedulerTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "scheduling");
    }

    @Test
    void twoInstancesOnOneDatabaseRunAScheduledReviewOnce() throws Exception {
        Scheduler first = at("2026-11-01T01:00:00Z", "instance-1");
        Scheduler second = at("2026-11-01T01:00:00Z", "instance-2");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<Scheduler.Started>>> ticks = new ArrayList<>();
        for (Scheduler instance : List.of(first, second)) {
            ticks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                }
                catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return instance.tick();
            }));
        }
        go.countDown();

        List<String> started = new ArrayList<>();
        for (CompletableFuture<List<Scheduler.Started>> tick : ticks) {
            started.addAll(names(tick.get()));
        }

        assertThat(started.stream().filter("monthly-review"::equals)).hasSize(1);
        assertThat(started.stream().filter("inbound-scan"::equals)).hasSize(1);
        assertThat(reviewedPeriods()).containsExactly("2026-10/r1/COMPLETED");
        assertThat(jdbc.queryForList("SELECT claimed_by FROM schedule_run WHERE name = 'monthly-review'", String.class))
                .singleElement().isIn("instance-1", "instance-2");
    }
}
