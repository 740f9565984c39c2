package com.qualityreview.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressLogTest {

    @Test
    void saysDoneOfTotalRateAndTimeLeftAtMostOncePerInterval() {
        AtomicLong now = new AtomicLong(0);
        ProgressLog log = new ProgressLog("import feedback.csv", "rows", 1_000_000, 100_000, Duration.ofSeconds(10), now::get);

        now.set(5_000_000_000L);
        assertThat(log.update(200_000)).isNull(); // 5 s: too soon
        now.set(20_000_000_000L);
        // 20 s after the start, 300,000 rows more than the restart began with: 15,000 rows/s, 600,000 left: 40 s.
        assertThat(log.update(400_000)).isEqualTo("import feedback.csv: 400000 of 1000000 rows (40%), 15000 rows/s, about 40 s left");
        now.set(25_000_000_000L);
        assertThat(log.update(450_000)).isNull();
    }
}
