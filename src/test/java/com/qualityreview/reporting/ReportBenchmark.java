package com.qualityreview.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Optional;

import com.qualityreview.reporting.pdf.RenderReportsTasklet;
import com.qualityreview.reporting.pdf.ReportTemplates;
import com.qualityreview.review.BenchmarkData;
import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rendering speed: a review of 2,000 sites renders one site report per site, one per region and
 * the executive report (English), heap capped at 512 MB by the benchmark profile:
 * {@code ./mvnw -Pbenchmark verify -Dtest=ReportBenchmark}.
 */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(properties = {"quality.stakeholders=src/test/resources/review/no-stakeholders.yml", "quality.reports-dir=target/benchmark/reports", "quality.reports.locales=en"})
class ReportBenchmark {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "reportbenchmark");
    }

    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportTemplates templates;

    @Test
    void renderTheReportsOfTwoThousandSites() throws Exception {
        BenchmarkData.load(jdbc, Long.getLong("benchmark.feedback", 400_000L), 2_000);

        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        var render = review.getStepExecutions().stream().filter(s -> s.getStepName().equals("renderReportsStep")).findFirst().orElseThrow();
        double seconds = Duration.between(render.getStartTime(), render.getEndTime()).toMillis() / 1000.0;
        int reports = review.getExecutionContext().getInt(RenderReportsTasklet.RENDERED);
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("BENCHMARK reports: %,d (2,000 sites + 20 regions + executive) in %.1f s = %.1f reports/s on %d cores%n",
                reports, seconds, reports / seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("BENCHMARK templates compiled: %d; peak heap %,d MB of max %,d MB (target < 1 GB)%n",
                templates.compilations(), heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        assertThat(reports).isEqualTo(2_021);
    }
}
