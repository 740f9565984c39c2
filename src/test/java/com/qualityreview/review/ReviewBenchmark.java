package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Optional;

import com.qualityreview.system.PostgresTestDatabase;

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
 * Review speed on PostgreSQL against one hand-written SQL GROUP BY of the same per-site feedback
 * figures, in the same run, with the heap capped at 512 MB by the benchmark profile:
 * {@code ./mvnw -Pbenchmark verify -Dtest=ReviewBenchmark} (-Dbenchmark.feedback=N to scale down).
 */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(properties = {"quality.stakeholders=src/test/resources/review/no-stakeholders.yml", "quality.reports-dir=target/benchmark/reports"})
class ReviewBenchmark {

    static final long FEEDBACK = Long.getLong("benchmark.feedback", 10_000_000L);
    static final int SITES = 2_000;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "reviewbenchmark");
    }

    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reviewAgainstGroupBy() throws Exception {
        BenchmarkData.load(jdbc, FEEDBACK, SITES);

        long reviewStart = System.nanoTime();
        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());
        double reviewSeconds = (System.nanoTime() - reviewStart) / 1e9;
        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        double summariseSeconds = review.getStepExecutions().stream().filter(s -> s.getStepName().equals("summariseSitesStep"))
                .mapToDouble(ReviewBenchmark::seconds).sum();
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        long sqlStart = System.nanoTime();
        Integer groups = jdbc.query("SELECT site_code, COUNT(*), AVG(csat), 100.0 * COUNT(*) FILTER (WHERE csat >= 4) / NULLIF(COUNT(csat), 0),"
                + " 100.0 * (COUNT(*) FILTER (WHERE nps >= 9) - COUNT(*) FILTER (WHERE nps <= 6)) / NULLIF(COUNT(nps), 0),"
                + " AVG(reliability), AVG(responsiveness), AVG(assurance), AVG(empathy), AVG(tangibles),"
                + " COUNT(*) FILTER (WHERE complaint), 100.0 * COUNT(*) FILTER (WHERE complaint) / COUNT(*),"
                + " 100.0 * COUNT(*) FILTER (WHERE first_contact_resolved) / NULLIF(COUNT(first_contact_resolved), 0),"
                + " AVG(resolution_hours), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY resolution_hours)"
                + " FROM feedback WHERE submitted_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND submitted_at < TIMESTAMPTZ '2026-11-01 00:00:00+00'"
                + " GROUP BY site_code", rs -> {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    return n;
                });
        double sqlSeconds = (System.nanoTime() - sqlStart) / 1e9;
        assertThat(groups).isEqualTo(SITES);

        System.out.printf("BENCHMARK review job (all steps): %.1f s%n", reviewSeconds);
        System.out.printf("BENCHMARK summariseSitesStep: %.1f s (%,.0f feedback rows/s)%n", summariseSeconds, FEEDBACK / summariseSeconds);
        System.out.printf("BENCHMARK SQL GROUP BY of the per-site feedback figures: %.1f s%n", sqlSeconds);
        System.out.printf("BENCHMARK ratio summarising / SQL: %.2fx (target within 2x)%n", summariseSeconds / sqlSeconds);
        System.out.printf("BENCHMARK heap: peak %,d MB of max %,d MB%n", heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    static double seconds(StepExecution step) {
        return Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
    }
}
