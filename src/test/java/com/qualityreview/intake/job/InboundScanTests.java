package com.qualityreview.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import java.io.File;
import java.util.Comparator;

/** The inbound folder: good, bad and still-being-written files end where the rules say. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:inbound-tests;hsqldb.tx=mvcc",
        "quality.inbound-dir=target/test-inbound", "quality.inbound.settle-time=PT30S"})
class InboundScanTests {

    static final Path INBOUND = Path.of("target/test-inbound");

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job inboundScanJob;
    @Autowired
    JdbcTemplate jdbc;

    static Path file(String name, String content, boolean settled) throws Exception {
        Path file = Files.writeString(INBOUND.resolve(name), content);
        Files.setLastModifiedTime(file, FileTime.from(settled ? Instant.now().minusSeconds(120) : Instant.now()));
        return file;
    }

    static List<String> names(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void goodBadAndHalfWrittenFilesEndWhereTheRulesSay() throws Exception {
        if (Files.exists(INBOUND)) {
            try (Stream<Path> all = Files.walk(INBOUND)) {
                all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(INBOUND);
        // Facts before reference data in name order: the scan must still import the sites first.
        file("feedback-2026-10-01.csv", "feedback_id,site_code,submitted_at,channel,complaint\n"
                + "F1,S1,2026-10-01T10:00:00Z,APP,false\nF2,S9,2026-10-01T10:00:00Z,APP,false\n", true);
        file("sites.csv", "site_code,name,region_code,region_name\nS1,One,R1,Region one\n", true);
        file("audits-broken.csv", "audit_id,site_code\nA1,S1\n", true);
        file("feedback-2026-10-02.csv", "feedback_id,site_code,submitted_at,channel,complaint\nF3,S1,2026-10-02T10:00:00Z,APP,false\n", false);
        file("notes.csv", "whatever\n", true);

        JobExecution scan = jobOperator.start(inboundScanJob, new JobParametersBuilder().addLong("run.id", System.nanoTime()).toJobParameters());

        assertThat(scan.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(names(INBOUND.resolve("processed"))).containsExactly("feedback-2026-10-01.csv",
                "feedback-2026-10-01.csv.rejects.csv", "sites.csv");
        assertThat(names(INBOUND.resolve("failed"))).containsExactly("audits-broken.csv");
        assertThat(names(INBOUND)).containsExactly("feedback-2026-10-02.csv", "notes.csv");
        assertThat(jdbc.queryForList("SELECT feedback_id FROM feedback ORDER BY 1", String.class)).containsExactly("F1");
        assertThat(Files.readString(INBOUND.resolve("processed/feedback-2026-10-01.csv.rejects.csv"))).contains("'S9' is not a known site");
        assertThat(scan.getExecutionContext().getString(ScanInboundTasklet.SUMMARY).lines().toList()).containsExactly(
                "sites.csv: PROCESSED (read 1, written 1, rejected 0)",
                "feedback-2026-10-01.csv: PROCESSED (read 2, written 1, rejected 1)",
                "feedback-2026-10-02.csv: WAITING (modified less than 30 s ago; left for the next scan)",
                "audits-broken.csv: FAILED (audits-broken.csv: line 1 (header) is not a valid audits header: missing required column(s)"
                        + " audited_on, audit_type, auditor, criterion_code, result. Expected columns: audit_id, site_code, audited_on,"
                        + " audit_type, auditor, criterion_code, result)");
    }
}
