package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AbsentWorkersTest {

    final AtomicInteger consumers = new AtomicInteger();
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final AbsentWorkers workers = new AbsentWorkers(consumers::get, Duration.ofSeconds(60), "queue q at RabbitMQ h:5672", now::get);

    @Test
    void aQueueWithoutConsumersIsAbsentOnlyOnceThePatienceHasPassedSinceTheStart() {
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(workers.absent()).isFalse();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(workers.absent()).isTrue();
    }

    @Test
    void aConsumerSeenAtAnyLookRestartsThePatience() {
        now.addAndGet(Duration.ofSeconds(50).toNanos());
        consumers.set(2);
        assertThat(workers.absent()).isFalse();
        consumers.set(0);

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(workers.absent()).as("59 s since the consumer was seen").isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(workers.absent()).isTrue();
    }

    @Test
    void busyWorkersAreNeverAbsentHoweverLongThePartitionsWait() {
        consumers.set(1);
        for (int hour = 0; hour < 10; hour++) {
            now.addAndGet(Duration.ofHours(1).toNanos());
            assertThat(workers.absent()).isFalse();
        }
    }

    @Test
    void theSentenceNamesThePartitionsTheQueueAndTheSetting() {
        assertThat(workers.sentence(List.of("renderReportsPartition:p00", "renderReportsPartition:p01"))).isEqualTo(
                "no worker took partitions renderReportsPartition:p00, renderReportsPartition:p01: no worker listened on queue q at"
                        + " RabbitMQ h:5672 for 60 s (quality.scale.worker-timeout);"
                        + " start one ('java -jar quality-review.jar worker', docs/scaling.md)");
        assertThat(workers.sentence(List.of("summariseSitesPartition:p0"))).startsWith("no worker took partition summariseSitesPartition:p0: ");
    }
}
