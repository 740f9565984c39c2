package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.qualityreview.QualityReviewApplication;
import com.qualityreview.scale.PartitionWorker;
import com.qualityreview.system.PostgresTestDatabase;
import com.qualityreview.system.RabbitTestBroker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review on the same generated data (uniform, {@link BenchmarkData#load}) with 1, 2 and 4 local
 * partitions (after a warm-up review: the runs compared all find the JVM warm), then twice with 2
 * {@code worker} processes (freshly started, then warm) (child JVMs of the built jar, {@code target/quality-review.jar},
 * so build it first: {@code ./mvnw -B -q package -DskipTests}) over the RabbitMQ server of the tests:
 * {@code ./mvnw -B -Pbenchmark verify -Dtest=ScaleBenchmark}, -Dbenchmark.feedback=N and -Dbenchmark.sites=N to scale down.
 * Prints each run's wall time, its summarise and render step times, every partition's rates (from
 * its step execution) and the speed-up against the 1-partition run; the SQL GROUP BY of
 * {@link ReviewBenchmark} is the baseline. Each run is an application context of its own (the
 * partition count is read at start), on one PostgreSQL database.
 */
@ExtendWith({PostgresTestDatabase.class, RabbitTestBroker.class})
class ScaleBenchmark {

    static final long FEEDBACK = Long.getLong("benchmark.feedback", 10_000_000L);
    /** Rendering takes as long whatever the rows (two reports a site), so a smaller run takes fewer sites too: -Dbenchmark.sites=N. */
    static final int SITES = Integer.getInteger("benchmark.sites", 2_000);
    /** Partitions of the worker run: more than the two workers, so that the one free first takes the next. */
    static final int WORKER_RUN_PARTITIONS = 4;
    static final Duration WORKER_START_PATIENCE = Duration.ofMinutes(5);

    // Keys the partitioners and the render partition write into a partition's context
    // (SiteRangePartitioner.SITES/ROWS, RenderReportsTasklet.RENDERED).
    static final String PARTITION_SITES = "review.partition.sites";
    static final String PARTITION_ROWS = "review.partition.rows";
    static final String PARTITION_REPORTS = "reports.rendered";

    static final Path REPORTS = Path.of("target/benchmark/reports").toAbsolutePath();
    static final Path JAR = Path.of("target/quality-review.jar").toAbsolutePath();

    @Test
    void localPartitionsOneTwoFourAndTwoWorkerProcesses() throws Exception {
        String database = PostgresTestDatabase.url("scalebenchmark");
        List<Run> runs = new ArrayList<>();
        double sqlSeconds;
        try (ConfigurableApplicationContext context = context(database, Map.of("quality.scale.partitions", "1"))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            BenchmarkData.clear(jdbc);
            long loadStart = System.nanoTime();
            BenchmarkData.load(jdbc, FEEDBACK, SITES);
            System.out.printf("BENCHMARK [scale] data: %,d feedback rows over %,d sites generated in %.1f s%n", FEEDBACK, SITES,
                    (System.nanoTime() - loadStart) / 1e9);
            sqlSeconds = groupBySeconds(jdbc);
            // Every run after the first finds this JVM's code compiled and warm: the first is a warm-up, not a measure.
            review("warm-up (1 local partition, not compared)", context);
            runs.add(review("1 local partition", context));
        }
        for (int partitions : new int[] {2, 4}) {
            try (ConfigurableApplicationContext context = context(database, Map.of("quality.scale.partitions", String.valueOf(partitions)))) {
                runs.add(review(partitions + " local partitions", context));
            }
        }
        runs.addAll(twoWorkers(database));

        Run baseline = runs.get(0);
        System.out.printf("BENCHMARK [scale] SQL GROUP BY of the per-site feedback figures (baseline): %.1f s%n", sqlSeconds);
        System.out.printf("BENCHMARK [scale] %-40s %8s %8s %10s %10s %9s %11s%n", "run", "wall s", "speed-up", "summarise s",
                "render s", "roll-up s", "summ./SQL");
        for (Run run : runs) {
            System.out.printf("BENCHMARK [scale] %-40s %8.1f %7.2fx %10.1f %10.1f %9.1f %10.2fx%n", run.name(), run.wallSeconds(),
                    baseline.wallSeconds() / run.wallSeconds(), run.step("summariseSitesStep"), run.step("renderReportsStep"),
                    run.step("rollUpRegionsStep"), run.step("summariseSitesStep") / sqlSeconds);
        }
        for (Run run : runs) {
            System.out.printf("BENCHMARK [scale] %s: summarise %.2fx, render %.2fx the 1-partition run's speed%n", run.name(),
                    baseline.step("summariseSitesStep") / run.step("summariseSitesStep"),
                    baseline.step("renderReportsStep") / run.step("renderReportsStep"));
        }
    }

    /**
     * Two worker JVMs of the built jar, one partition at a time each, and a manager context in rabbitmq
     * mode: a review on the freshly started workers, then another on the same workers, warm as
     * long-running workers are.
     */
    private List<Run> twoWorkers(String database) throws Exception {
        assertThat(JAR).as("the built jar (./mvnw -B -q package -DskipTests)").exists();
        String queue = RabbitTestBroker.queue("scalebenchmark");
        Map<String, String> rabbit = new LinkedHashMap<>();
        RabbitTestBroker.settings(queue).forEach(option -> rabbit.put(option.substring(2, option.indexOf('=')),
                option.substring(option.indexOf('=') + 1)));
        rabbit.put("quality.scale.partitions", String.valueOf(WORKER_RUN_PARTITIONS));
        List<Process> workers = new ArrayList<>();
        try {
            for (String name : List.of("A", "B")) {
                workers.add(startWorker(name, database, rabbit));
            }
            for (int i = 0; i < workers.size(); i++) {
                awaitReady(workers.get(i), workerLog(List.of("A", "B").get(i)));
            }
            try (ConfigurableApplicationContext manager = context(database, rabbit)) {
                String name = "2 worker processes (" + WORKER_RUN_PARTITIONS + " partitions)";
                return List.of(review(name + ", cold", manager), review(name + ", warm", manager));
            }
        }
        finally {
            for (Process worker : workers) {
                worker.destroy(); // SIGTERM: the worker stops gracefully
                if (!worker.waitFor(60, TimeUnit.SECONDS)) {
                    worker.destroyForcibly();
                }
            }
        }
    }

    private static Process startWorker(String name, String database, Map<String, String> rabbit) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", JAR.toString(), "worker"));
        settings(database, rabbit).forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = workerLog(name);
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Path workerLog(String name) {
        return Path.of("target/benchmark/worker-" + name + ".log");
    }

    /** Waits for the line the worker command prints once it consumes requests. */
    private static void awaitReady(Process worker, Path log) throws Exception {
        long deadline = System.nanoTime() + WORKER_START_PATIENCE.toNanos();
        while (!Files.readString(log).contains("worker: running partitions")) {
            assertThat(worker.isAlive()).as("worker started (see %s)", log).isTrue();
            assertThat(System.nanoTime()).as("worker ready within %s (see %s)", WORKER_START_PATIENCE, log).isLessThan(deadline);
            Thread.sleep(200);
        }
        System.out.printf("BENCHMARK [scale] worker pid %d ready (%s)%n", worker.pid(), log);
    }

    private static Map<String, String> settings(String database, Map<String, String> extra) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("spring.datasource.url", database);
        options.put("spring.datasource.username", PostgresTestDatabase.user());
        options.put("spring.datasource.password", PostgresTestDatabase.password());
        options.put("quality.stakeholders", new File("src/test/resources/review/no-stakeholders.yml").getAbsolutePath());
        options.put("quality.reports-dir", REPORTS.toString());
        options.putAll(extra);
        return options;
    }

    private static ConfigurableApplicationContext context(String database, Map<String, String> extra) {
        return new SpringApplicationBuilder(QualityReviewApplication.class).web(WebApplicationType.NONE)
                .run(settings(database, extra).entrySet().stream().map(o -> "--" + o.getKey() + "=" + o.getValue()).toArray(String[]::new));
    }

    private static Run review(String name, ConfigurableApplicationContext context) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        long start = System.nanoTime();
        JobExecution review = context.getBean(Reviews.class).start(Period.parse("2026-10"), Optional.empty());
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(review.getStatus()).as(name).isEqualTo(BatchStatus.COMPLETED);
        // Reloaded: the partitions' step executions with their contexts, as their workers saved them.
        List<StepExecution> steps = context.getBean(JobRepository.class).getJobExecution(review.getId()).getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getStartTime)).toList();
        Run run = new Run(name, wallSeconds, steps);
        System.out.printf("BENCHMARK [scale] %s: review job %.1f s (load average before: %s)%n", name, wallSeconds, load);
        for (StepExecution step : steps) {
            if (!step.getStepName().contains(":")) {
                System.out.printf("BENCHMARK [scale] %s:   %s: %.1f s%n", name, step.getStepName(), ReviewBenchmark.seconds(step));
            }
        }
        for (StepExecution partition : steps) {
            var partitionContext = partition.getExecutionContext();
            double seconds = ReviewBenchmark.seconds(partition);
            if (partitionContext.containsKey(PARTITION_ROWS)) {
                System.out.printf("BENCHMARK [scale] %s:   %s %.1f s, %,d sites, %,d rows: %,.0f sites/s, %,.0f rows/s; ran by %s%n", name,
                        partition.getStepName(), seconds, partitionContext.getInt(PARTITION_SITES), partitionContext.getLong(PARTITION_ROWS),
                        partitionContext.getInt(PARTITION_SITES) / seconds, partitionContext.getLong(PARTITION_ROWS) / seconds, PartitionWorker.of(partition));
            }
            else if (partitionContext.containsKey(PARTITION_REPORTS)) {
                System.out.printf("BENCHMARK [scale] %s:   %s %.1f s, %,d reports: %.1f reports/s; ran by %s%n", name, partition.getStepName(),
                        seconds, partitionContext.getInt(PARTITION_REPORTS), partitionContext.getInt(PARTITION_REPORTS) / seconds, PartitionWorker.of(partition));
            }
        }
        return run;
    }

    private static double groupBySeconds(JdbcTemplate jdbc) {
        long start = System.nanoTime();
        Integer groups = jdbc.query(ReviewBenchmark.SITE_FIGURES_GROUP_BY, rs -> {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        });
        assertThat(groups).isEqualTo(SITES);
        return (System.nanoTime() - start) / 1e9;
    }

    record Run(String name, double wallSeconds, List<StepExecution> steps) {

        /** Seconds of a manager (or ordinary) step of this run. */
        double step(String stepName) {
            return steps.stream().filter(s -> s.getStepName().equals(stepName)).mapToDouble(ReviewBenchmark::seconds).sum();
        }
    }
}
