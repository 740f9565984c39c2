package com.qualityreview.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.qualityreview.system.ApplicationProcess;
import com.qualityreview.system.ApplicationUnderTest;
import com.qualityreview.system.FaultTestData;
import com.qualityreview.system.PostgresTestDatabase;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A feedback import killed with SIGKILL part way (a crash, the OOM killer, a pulled plug), then
 * restarted as docs/input-formats.md tells administrators: the packaged jar as child processes
 * against PostgreSQL, nothing simulated inside the test JVM.
 */
@ExtendWith(PostgresTestDatabase.class)
class ImportFaultIT {

    static final int ROWS = 60_000;
    static final int CHUNK = 500;
    static final int REJECT_EVERY = 997;
    static final List<String> SITES = List.of("S0001", "S0002", "S0003", "S0004", "S0005");

    // Kept when the test fails: the children's output and logs are there.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void anImportKilledPartWayAndRestartedStoresEveryGoodRowOnceAndRecordsEveryRejectOnce() throws Exception {
        Path input = Files.createDirectories(folder.resolve("input"));
        Path sites = input.resolve("sites.csv");
        FaultTestData.write(sites, "site_code,name,region_code,region_name\n"
                + String.join("", SITES.stream().map(site -> site + ",Site " + site + ",R01,Region one\n").toList()));
        FaultTestData.FeedbackFile feedback = FaultTestData.feedback(input.resolve("feedback.csv"), ROWS, SITES, REJECT_EVERY, 10);

        try (ApplicationUnderTest application = new ApplicationUnderTest(folder, PostgresTestDatabase.url("import_fault"))
                .with("quality.importing.chunk-size", Integer.toString(CHUNK))) {
            application.succeed("import", "sites", sites.toString());

            ApplicationProcess importing = application.start("import", "feedback", feedback.file().toString());
            importing.await("the import has committed 2,000 rows", Duration.ofMinutes(3), application.database(jdbc ->
                    jdbc.queryForObject("SELECT COALESCE(MAX(WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION"
                            + " WHERE STEP_NAME = 'loadImportRowsStep' AND STATUS = 'STARTED'", Long.class) >= 2000));
            importing.kill();

            // What the kill left: an execution the job repository still takes for running, part of the rows.
            long killed = application.latestExecutionId("importJob");
            JdbcTemplate jdbc = application.jdbc();
            assertThat(application.executionStatus(killed)).isEqualTo("STARTED");
            long readBeforeKill = application.readCount(killed, "loadImportRowsStep");
            long stored = jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Long.class);
            importing.say("killed with " + stored + " of " + feedback.goodRows() + " good rows stored");
            // Rows 1..n are on lines 2..n+1: the good ones of the committed chunks, nothing of the chunk cut off.
            assertThat(readBeforeKill).as("rows read when killed").isBetween(2000L, ROWS - 1L);
            assertThat(stored).as("rows stored when killed")
                    .isEqualTo(readBeforeKill - feedback.rejectedLines().stream().filter(line -> line <= readBeforeKill + 1).count());

            ApplicationUnderTest.Finished restart = application.restartWhenAllowed(killed);

            assertThat(restart.exitCode()).as(restart::diagnostics).isZero();
            long rejected = feedback.rejectedLines().size();
            assertThat(restart.stdout()).as(restart::diagnostics)
                    .contains("feedback.csv: read " + ROWS + ", written " + feedback.goodRows() + ", rejected " + rejected);
            List<Map<String, Object>> executions = application.executionsOfInstance(killed);
            assertThat(executions).extracting(e -> e.get("status")).last().isEqualTo("COMPLETED");
            assertThat(executions).extracting(e -> e.get("status")).doesNotContain("STARTED");
            long restarted = ((Number) executions.get(executions.size() - 1).get("id")).longValue();
            assertThat(application.readCount(restarted, "loadImportRowsStep"))
                    .as("rows read by the restart: it resumes after the last committed chunk").isEqualTo(ROWS - readBeforeKill);

            // Every good row of the file exactly once, with its values.
            Set<String> expectedIds = new HashSet<>();
            Set<Long> rejectedLines = new HashSet<>(feedback.rejectedLines());
            IntStream.rangeClosed(1, ROWS).filter(i -> !rejectedLines.contains(i + 1L)).forEach(i -> expectedIds.add("F" + i));
            List<String> storedIds = jdbc.queryForList("SELECT feedback_id FROM feedback", String.class);
            assertThat(storedIds).hasSize(expectedIds.size());
            assertThat(new HashSet<>(storedIds)).isEqualTo(expectedIds);
            assertThat(jdbc.queryForMap("SELECT COALESCE(SUM(csat), 0) AS csat_sum,"
                    + " SUM(CASE WHEN complaint THEN 1 ELSE 0 END) AS complaints FROM feedback"))
                    .containsEntry("csat_sum", feedback.csatSumOfGoodRows())
                    .containsEntry("complaints", feedback.complaintsOfGoodRows());

            // Every rejected row recorded once, in the database and in the rejects file.
            assertThat(jdbc.queryForList("SELECT line_number FROM rejected_row WHERE kind = 'feedback' ORDER BY line_number",
                    Long.class)).isEqualTo(feedback.rejectedLines());
            assertThat(jdbc.queryForMap("SELECT status, read_count, written_count, rejected_count FROM import_file"
                    + " WHERE kind = 'feedback'"))
                    .containsEntry("status", "COMPLETED").containsEntry("read_count", (long) ROWS)
                    .containsEntry("written_count", feedback.goodRows()).containsEntry("rejected_count", rejected);
            assertThat(rejectsFileLines(input.resolve("feedback.csv.rejects.csv"))).isEqualTo(feedback.rejectedLines());

            assertThat(ApplicationUnderTest.temporaryFiles(application.folder())).as("temporary files (beside the input or anywhere)")
                    .isEmpty();
        }
    }

    private static List<Long> rejectsFileLines(Path rejects) throws Exception {
        List<Long> lines = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(rejects, StandardCharsets.UTF_8);
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
            csv.skipLines(1);
            csv.forEach(record -> lines.add(Long.parseLong(record.getField(1))));
        }
        return lines;
    }
}
