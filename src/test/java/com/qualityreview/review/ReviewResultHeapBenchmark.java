package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.QualityReviewApplication;
import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heap a loaded {@link ReviewResult} takes, which every render partition holds (its own copy):
 * what the capacity plan's worker heap is built from (docs/scaling.md). Reviews generated data
 * ({@link BenchmarkData#load}, 50 feedback rows a site, English reports only) for 1,000 and 5,000
 * sites, then loads each review's result between full collections and prints the heap it added,
 * per site, and the bytes a site of the review's stored figures take in PostgreSQL (the baseline):
 * {@code ./mvnw -B -Pbenchmark verify -Dtest=ReviewResultHeapBenchmark}.
 */
@ExtendWith(PostgresTestDatabase.class)
class ReviewResultHeapBenchmark {

    static final int ROWS_A_SITE = 50;

    @Test
    void theHeapOfALoadedReviewResultGrowsWithTheSites() throws Exception {
        Map<Integer, Long> bytesPerSite = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", PostgresTestDatabase.url("heapbenchmark"));
        settings.put("spring.datasource.username", PostgresTestDatabase.user());
        settings.put("spring.datasource.password", PostgresTestDatabase.password());
        settings.put("quality.stakeholders", new File("src/test/resources/review/no-stakeholders.yml").getAbsolutePath());
        settings.put("quality.reports-dir", Path.of("target/benchmark/heap-reports").toAbsolutePath().toString());
        settings.put("quality.reports.locales", "en");
        settings.put("quality.scale.partitions", "1");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QualityReviewApplication.class)
                .web(WebApplicationType.NONE)
                .run(settings.entrySet().stream().map(o -> "--" + o.getKey() + "=" + o.getValue()).toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ReviewResults results = context.getBean(ReviewResults.class);
            for (int sites : new int[] {1_000, 5_000}) {
                BenchmarkData.clear(jdbc);
                BenchmarkData.load(jdbc, (long) sites * ROWS_A_SITE, sites);
                JobExecution review = context.getBean(Reviews.class).start(Period.parse("2026-10"), Optional.empty());
                assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
                ReviewRun run = ReviewRun.from(review.getJobParameters());

                long before = usedHeapAfterFullCollection();
                ReviewResult result = results.load(run.period(), run.revision()).orElseThrow();
                long after = usedHeapAfterFullCollection();
                Reference.reachabilityFence(result);

                assertThat(result.sites()).hasSize(sites);
                long added = after - before;
                long stored = jdbc.queryForObject("SELECT pg_total_relation_size('review_figures')", Long.class);
                bytesPerSite.put(sites, added / sites);
                System.out.printf("BENCHMARK [heap] %,d sites: the loaded review result added %.1f MB of heap, %,d bytes a site"
                        + " (review_figures in PostgreSQL, all reviews so far: %.1f MB)%n", sites, added / 1e6, added / sites, stored / 1e6);
            }
        }
        long perSite = bytesPerSite.get(5_000);
        System.out.printf("BENCHMARK [heap] 50,000 sites at %,d bytes a site: %.0f MB for each render partition's copy%n", perSite,
                perSite * 50_000 / 1e6);
    }

    private static long usedHeapAfterFullCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
