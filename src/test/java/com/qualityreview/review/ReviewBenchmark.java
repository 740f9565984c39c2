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
@SpringBootTest(properties = {"quality.reports-dir=target/benchmark/reports"})
class ReviewBenchmark {

    static final long FEEDBACK = Long.getLong("benchmark.feedback", 10_000_000L);
    static final long AUDIT_ITEMS = FEEDBACK / 10;
    static final long KPI_ROWS = FEEDBACK / 20;
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
        long start = System.nanoTime();
        jdbc.update("INSERT INTO region SELECT 'R' || g, 'Region ' || g FROM generate_series(0, 19) g");
        jdbc.update("INSERT INTO site SELECT 'S' || lpad(g::text, 4, '0'), 'Site ' || g, 'R' || (g % 20), TRUE"
                + " FROM generate_series(0, " + (SITES - 1) + ") g");
        jdbc.update("INSERT INTO criterion SELECT 'C' || g, 'Criterion ' || g, 'TANGIBLES', 1 + g % 5, CASE WHEN g < 2 THEN 3 ELSE 0 END"
                + " FROM generate_series(0, 9) g");
        jdbc.update("INSERT INTO kpi_definition VALUES ('WAIT', 'Wait', 'min', 'LOWER_BETTER', 10, 'MEAN'),"
                + " ('SALES', 'Sales', 'CNY', 'HIGHER_BETTER', 1000, 'SUM'), ('TURNOVER', 'Turnover', '%', 'LOWER_BETTER', 5, 'LAST')");
        jdbc.update("INSERT INTO feedback SELECT 'F' || g, 'S' || lpad((g % " + SITES + ")::text, 4, '0'),"
                + " TIMESTAMPTZ '2026-10-01 00:00:00+00' + (g % 2678400) * INTERVAL '1 second', 'SURVEY',"
                + " CASE WHEN g % 7 = 0 THEN NULL ELSE 1 + g % 5 END, g % 11, 1 + g % 5, 1 + g % 4, 2 + g % 4, 1 + g % 5, 3 + g % 3,"
                + " g % 20 = 0, CASE WHEN g % 20 = 0 THEN 'CAT' || (g % 6) END, CASE WHEN g % 3 = 0 THEN NULL ELSE g % 2 = 0 END,"
                + " CASE WHEN g % 20 = 0 THEN (g % 97) / 4.0 END, NULL FROM generate_series(1, " + FEEDBACK + ") g");
        jdbc.update("INSERT INTO audit_item SELECT 'A' || (g / 10), 'C' || (g % 10), 'S' || lpad(((g / 10) % " + SITES + ")::text, 4, '0'),"
                + " DATE '2026-10-01' + (g % 31), 'INTERNAL', 'Auditor', CASE WHEN g % 9 = 0 THEN 'FAIL' WHEN g % 13 = 0 THEN 'NA' ELSE 'PASS' END"
                + " FROM generate_series(0, " + (AUDIT_ITEMS - 1) + ") g");
        jdbc.update("INSERT INTO kpi_measurement SELECT 'S' || lpad((g % " + SITES + ")::text, 4, '0'),"
                + " CASE g % 3 WHEN 0 THEN 'WAIT' WHEN 1 THEN 'SALES' ELSE 'TURNOVER' END, DATE '2026-10-01' + (g / (" + SITES + " * 3)) % 31,"
                + " (g % 1000) / 10.0 FROM generate_series(0, " + (KPI_ROWS - 1) + ") g ON CONFLICT DO NOTHING");
        jdbc.execute("ANALYZE");
        System.out.printf("BENCHMARK data: %,d feedback, %,d audit items, %,d KPI rows over %,d sites loaded in %.0f s%n",
                FEEDBACK, AUDIT_ITEMS, KPI_ROWS, SITES, (System.nanoTime() - start) / 1e9);

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
