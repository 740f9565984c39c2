package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.qualityreview.system.PostgresTestDatabase;
import com.sun.management.GarbageCollectionNotificationInfo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Review speed and memory on PostgreSQL, with the heap capped at 512 MB by the benchmark profile:
 * {@code ./mvnw -Pbenchmark verify -Dtest=ReviewBenchmark} runs both cases, {@code -Dtest=ReviewBenchmark#skewed}
 * one of them; -Dbenchmark.feedback=N to scale down. Every step's time is printed, and the summarise
 * step is compared with one hand-written SQL GROUP BY of the same per-site feedback figures.
 */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(properties = {"quality.stakeholders=src/test/resources/review/no-stakeholders.yml", "quality.reports-dir=target/benchmark/reports"})
class ReviewBenchmark {

    static final long FEEDBACK = Long.getLong("benchmark.feedback", 10_000_000L);
    static final int SITES = 2_000;

    /** The per-site feedback figures the summarise step computes (counts, means, percentages, NPS, median), as one SQL query. */
    static final String SITE_FIGURES_GROUP_BY = "SELECT site_code, COUNT(*), AVG(csat), 100.0 * COUNT(*) FILTER (WHERE csat >= 4) / NULLIF(COUNT(csat), 0),"
            + " 100.0 * (COUNT(*) FILTER (WHERE nps >= 9) - COUNT(*) FILTER (WHERE nps <= 6)) / NULLIF(COUNT(nps), 0),"
            + " AVG(reliability), AVG(responsiveness), AVG(assurance), AVG(empathy), AVG(tangibles),"
            + " COUNT(*) FILTER (WHERE complaint), 100.0 * COUNT(*) FILTER (WHERE complaint) / COUNT(*),"
            + " 100.0 * COUNT(*) FILTER (WHERE first_contact_resolved) / NULLIF(COUNT(first_contact_resolved), 0),"
            + " AVG(resolution_hours), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY resolution_hours)"
            + " FROM feedback WHERE submitted_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND submitted_at < TIMESTAMPTZ '2026-11-01 00:00:00+00'"
            + " GROUP BY site_code";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "reviewbenchmark");
    }

    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;

    /** Rows spread evenly over the sites. */
    @Test
    void uniform() throws Exception {
        BenchmarkData.clear(jdbc);
        BenchmarkData.load(jdbc, FEEDBACK, SITES);
        review("uniform");
    }

    /** One site holds 30 % of the feedback rows and audits, and every feedback row has resolution hours. */
    @Test
    void skewed() throws Exception {
        BenchmarkData.clear(jdbc);
        BenchmarkData.loadSkewed(jdbc, FEEDBACK, SITES, 30);
        review("skewed");
    }

    private void review(String data) throws Exception {
        HeapWatch heap = HeapWatch.start();
        long reviewStart = System.nanoTime();
        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());
        double reviewSeconds = (System.nanoTime() - reviewStart) / 1e9;
        heap.stop();
        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        double summariseSeconds = review.getStepExecutions().stream().filter(s -> s.getStepName().equals("summariseSitesStep"))
                .mapToDouble(ReviewBenchmark::seconds).sum();
        long summariseStep = review.getStepExecutions().stream().filter(s -> s.getStepName().equals("summariseSitesStep"))
                .findFirst().orElseThrow().getId();
        int contextSize = jdbc.queryForObject("SELECT LENGTH(COALESCE(SERIALIZED_CONTEXT, SHORT_CONTEXT)) FROM BATCH_STEP_EXECUTION_CONTEXT"
                + " WHERE STEP_EXECUTION_ID = ?", Integer.class, summariseStep);

        long sqlStart = System.nanoTime();
        Integer groups = jdbc.query(SITE_FIGURES_GROUP_BY, rs -> {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    return n;
                });
        double sqlSeconds = (System.nanoTime() - sqlStart) / 1e9;
        assertThat(groups).isEqualTo(SITES);

        System.out.printf("BENCHMARK [%s] review job (all steps): %.1f s%n", data, reviewSeconds);
        review.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getStartTime))
                .forEach(step -> System.out.printf("BENCHMARK [%s]   %s: %.1f s; heap at most %s%n", data, step.getStepName(), seconds(step),
                        heap.during(step)));
        System.out.printf("BENCHMARK [%s] summariseSitesStep: %,.0f feedback rows/s; its execution context: %,d characters%n", data,
                FEEDBACK / summariseSeconds, contextSize);
        System.out.printf("BENCHMARK [%s] SQL GROUP BY of the per-site feedback figures: %.1f s; ratio summarising / SQL: %.2fx%n", data,
                sqlSeconds, summariseSeconds / sqlSeconds);
        System.out.printf("BENCHMARK [%s] heap during the review: at most %s, of max %,d MB%n", data, heap.overall(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    static double seconds(StepExecution step) {
        return Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
    }

    /**
     * Heap use while the review runs, by step: the most used (sampled every 50 ms; garbage included,
     * so it says as much about the collector as about the review) and the most left after a
     * collection (an upper bound of what the review holds: a young collection leaves the old
     * generation's garbage).
     */
    static final class HeapWatch {
        private final List<long[]> used = Collections.synchronizedList(new ArrayList<>()); // {epoch ms, bytes}
        private final List<long[]> afterCollection = Collections.synchronizedList(new ArrayList<>());
        private final NotificationListener listener;
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            listener = (notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getMemoryUsageAfterGc();
                    afterCollection.add(new long[] {System.currentTimeMillis(),
                            after.entrySet().stream().filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum()});
                }
            };
            sampler = new Thread(() -> {
                while (running) {
                    used.add(new long[] {System.currentTimeMillis(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()});
                    try {
                        Thread.sleep(50);
                    }
                    catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
        }

        static HeapWatch start() {
            System.gc();
            HeapWatch watch = new HeapWatch();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener(watch.listener, null, null);
            }
            watch.sampler.start();
            return watch;
        }

        void stop() throws Exception {
            running = false;
            sampler.join();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            }
        }

        String during(StepExecution step) {
            return between(epochMillis(step.getStartTime()), epochMillis(step.getEndTime()));
        }

        String overall() {
            return between(Long.MIN_VALUE, Long.MAX_VALUE);
        }

        private String between(long from, long until) {
            OptionalLong collected = max(afterCollection, from, until);
            return mb(max(used, from, until).orElse(0)) + " MB used, "
                    + (collected.isPresent() ? mb(collected.getAsLong()) + " MB after a collection" : "no collection");
        }

        private static OptionalLong max(List<long[]> samples, long from, long until) {
            synchronized (samples) {
                return List.copyOf(samples).stream().filter(s -> s[0] >= from && s[0] <= until).mapToLong(s -> s[1]).max();
            }
        }

        private static long epochMillis(LocalDateTime time) {
            return time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        }

        private static String mb(long bytes) {
            return String.format("%,d", bytes >> 20);
        }
    }
}
