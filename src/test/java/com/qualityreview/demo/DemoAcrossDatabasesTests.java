package com.qualityreview.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.qualityreview.QualityReviewApplication;
import com.qualityreview.system.PostgresTestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo command end to end, on the embedded database and on PostgreSQL: the same data gives
 * byte-identical summary.csv, ranking.csv, drivers.csv and warnings.csv files, with every rating from 0 to 5 stars and UNRATED among the sites.
 */
@ExtendWith({PostgresTestDatabase.class, OutputCaptureExtension.class})
class DemoAcrossDatabasesTests {

    @TempDir
    Path folder;

    Path demo(String name, String url, String user) {
        Path reports = folder.resolve(name);
        List<String> audited = new ArrayList<>();
        // Once the command has run, before main closes the application: what the audit log holds.
        SpringApplicationRunListener auditLog = new SpringApplicationRunListener() {
            @Override
            public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
                audited.addAll(context.getBean(JdbcTemplate.class).queryForList("SELECT action || ' | ' || outcome FROM audit_event",
                        String.class));
            }
        };
        int status = SpringApplication.withHook(application -> auditLog, () -> QualityReviewApplication.run("demo",
                "--demo.month=2026-10", "--demo.folder=" + folder.resolve("data-" + name), "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--quality.reports-dir=" + reports, "--quality.outbox-dir=" + folder.resolve("outbox-" + name),
                "--logging.file.name=target/test-logs/demo.log"));

        assertThat(status).isZero();
        // The demo is an administrator's action like any other: in the audit log with its outcome.
        assertThat(audited).singleElement().asString().startsWith("demo | 6 files imported (read ").contains("review of 2026-10 r1 COMPLETED");
        return reports.resolve("2026-10").resolve("r1").resolve("summary.csv");
    }

    @Test
    void theDemoGivesTheSameFiguresOnHsqldbAndPostgresql(CapturedOutput output) throws Exception {
        Path embedded = demo("hsqldb", "jdbc:hsqldb:mem:demo-" + System.nanoTime(), "SA");
        Path postgres = demo("postgres", PostgresTestDatabase.url("demo"), PostgresTestDatabase.user());

        List<String> lines = Files.readAllLines(embedded);
        assertThat(Files.readAllLines(postgres)).isEqualTo(lines);
        // The fair ranking too: one row per reviewed site after the header, the same on both databases.
        assertThat(Files.readAllLines(postgres.resolveSibling("ranking.csv")))
                .isEqualTo(Files.readAllLines(embedded.resolveSibling("ranking.csv"))).hasSize(1 + 39);
        // Key drivers and warnings likewise: the organisation's and the 5 regions' five dimensions at least.
        assertThat(Files.readAllLines(postgres.resolveSibling("drivers.csv")))
                .isEqualTo(Files.readAllLines(embedded.resolveSibling("drivers.csv"))).hasSizeGreaterThanOrEqualTo(1 + 6 * 5);
        assertThat(Files.readAllLines(postgres.resolveSibling("warnings.csv")))
                .isEqualTo(Files.readAllLines(embedded.resolveSibling("warnings.csv"))).hasSizeGreaterThan(1);
        // The command names every file of figures it wrote.
        assertThat(output.getOut()).contains("  summary.csv", "  drivers.csv", "  ranking.csv", "  warnings.csv");
        assertThat(lines.stream().filter(line -> line.startsWith("SITE,"))).hasSize(39); // 40 sites, one inactive
        assertThat(lines.stream().filter(line -> line.startsWith("REGION,"))).hasSize(5);
        List<String> columns = List.of(lines.get(0).split(","));
        List<String[]> sites = lines.stream().filter(line -> line.startsWith("SITE,")).map(line -> line.split(",", -1)).toList();
        assertThat(sites.stream().map(site -> site[columns.indexOf("rating")])).contains("0", "1", "2", "3", "4", "5", "UNRATED");
        // The demo's one site with late data (its feed stopped early in October).
        assertThat(sites.stream().filter(site -> !site[columns.indexOf("data_incomplete")].isEmpty())
                .map(site -> site[1] + " " + site[columns.indexOf("data_incomplete")])).containsExactly("GY-HUAGUOYUAN LOW_VOLUME");
    }
}
