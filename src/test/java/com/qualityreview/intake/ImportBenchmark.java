package com.qualityreview.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import javax.sql.DataSource;

import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Import speed against PostgreSQL's own COPY of the same file, in the same run:
 * {@code ./mvnw -Pbenchmark verify -Dtest=ImportBenchmark} (rows with -Dbenchmark.rows=N).
 * Prints rows/s of both and their ratio. Not part of the test suite.
 */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest
class ImportBenchmark {

    static final int ROWS = Integer.getInteger("benchmark.rows", 1_000_000);
    static final int SITES = 2_000;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "main");
        registry.add("quality.importing.chunk-size", () -> "5000");
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job importJob;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void importFeedbackAgainstCopy() throws Exception {
        Path folder = Files.createDirectories(Path.of("target/benchmark"));
        Path sites = folder.resolve("sites.csv");
        try (BufferedWriter out = Files.newBufferedWriter(sites)) {
            out.write("site_code,name,region_code,region_name\n");
            for (int s = 0; s < SITES; s++) {
                out.write(String.format("S%04d,Site %d 站点,R%02d,Region %d%n", s, s, s % 20, s % 20));
            }
        }
        Path feedback = folder.resolve("feedback.csv");
        long generateStart = System.nanoTime();
        writeFeedback(feedback, ROWS);
        System.out.printf("generated %,d feedback rows (%,d bytes) in %.1f s%n", ROWS, Files.size(feedback),
                (System.nanoTime() - generateStart) / 1e9);
        assertThat(jobOperator.start(importJob, new ImportRequest(ImportKind.SITES, sites).toJobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        long importStart = System.nanoTime();
        JobExecution execution = jobOperator.start(importJob, new ImportRequest(ImportKind.FEEDBACK, feedback).toJobParameters());
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ImportOutcome.countsOf(execution).orElseThrow()).isEqualTo(new ImportCounts(ROWS, ROWS, 0));

        jdbc.execute("CREATE TABLE feedback_copy (LIKE feedback INCLUDING ALL)");
        long copyStart = System.nanoTime();
        long copied;
        try (Connection connection = dataSource.getConnection(); Reader in = Files.newBufferedReader(feedback, StandardCharsets.UTF_8)) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY feedback_copy FROM STDIN WITH (FORMAT csv, HEADER true)", in);
        }
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;
        assertThat(copied).isEqualTo(ROWS);

        double importRate = ROWS / importSeconds;
        double copyRate = ROWS / copySeconds;
        System.out.printf("BENCHMARK import job: %,d rows in %.2f s = %,.0f rows/s%n", ROWS, importSeconds, importRate);
        System.out.printf("BENCHMARK COPY:       %,d rows in %.2f s = %,.0f rows/s%n", ROWS, copySeconds, copyRate);
        System.out.printf("BENCHMARK ratio COPY/import: %.2fx (target: import >= 100,000 rows/s and within 4x of COPY)%n",
                copyRate / importRate);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("BENCHMARK heap in use after run: %,d MB of max %,d MB%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    /** Realistic rows: most optional fields filled, some complaints, a comment on every third row. */
    static void writeFeedback(Path file, int rows) throws Exception {
        Random random = new Random(42);
        DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ImportJobTests.FEEDBACK_HEADER);
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                boolean complaint = random.nextInt(20) == 0;
                line.append("FB").append(i).append(",S").append(String.format("%04d", random.nextInt(SITES))).append(',')
                        .append(format.format(start.plusSeconds(random.nextInt(31 * 86_400)).atOffset(ZoneOffset.ofHours(8))))
                        .append(",SURVEY,").append(1 + random.nextInt(5)).append(',').append(random.nextInt(11));
                for (int d = 0; d < 5; d++) {
                    line.append(',').append(1 + random.nextInt(5));
                }
                line.append(',').append(complaint).append(',').append(complaint ? "WAIT_TIME" : "")
                        .append(',').append(random.nextBoolean()).append(',').append(complaint ? "12.5" : "")
                        .append(',').append(i % 3 == 0 ? "\"Quick service, friendly staff 服务很好\"" : "").append('\n');
                out.append(line);
            }
        }
    }
}
