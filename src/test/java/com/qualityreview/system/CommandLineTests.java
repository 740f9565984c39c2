package com.qualityreview.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.qualityreview.QualityReviewApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The command line as an administrator uses it: what it prints and the exit status it ends with. */
class CommandLineTests {

    @TempDir
    Path folder;

    private final String database = "jdbc:hsqldb:mem:cli-" + UUID.randomUUID();

    record Outcome(int status, String out, String err) {
    }

    Outcome run(String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.add("--spring.datasource.url=" + database);
        args.add("--logging.file.name=target/test-logs/cli.log");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext context = SpringApplication.run(QualityReviewApplication.class, args.toArray(String[]::new))) {
            int status = SpringApplication.exit(context);
            return new Outcome(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        }
        finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void importPrintsReadWrittenAndRejectedAndExitsZero() throws Exception {
        Path sites = Files.writeString(folder.resolve("sites.csv"), """
                site_code,name,region_code,region_name
                S1,One,R1,Region one
                S2,Two,R1,Region one
                ,Nameless,R1,Region one
                """);

        Outcome outcome = run("import", "sites", sites.toString());

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out().lines().toList()).contains(
                "sites.csv: read 3, written 2, rejected 1",
                "rejected rows with line, column and reason: " + folder.resolve("sites.csv.rejects.csv"));
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void aFileThatCannotBeImportedEndsWithOneLineAndANonZeroStatus() throws Exception {
        Path file = Files.writeString(folder.resolve("sites.csv"), "site_code;name\nS1;One\n");

        Outcome outcome = run("import", "sites", file.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("error: sites.csv: line 1 (header) is not a valid sites header: unknown column(s) site_code;name;")
                .contains("missing required column(s) site_code, name, region_code, region_name");
    }

    @Test
    void wrongWordsAreRefusedWithTheReason() {
        assertThat(run("import", "complaints", "x.csv")).satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(1);
            assertThat(outcome.err()).isEqualTo("error: unknown kind 'complaints'; the kinds are sites, criteria, kpi-definitions, feedback, audits, kpis"
                    + System.lineSeparator());
        });
        assertThat(run("restart", "999")).satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(1);
            assertThat(outcome.err()).startsWith("error: there is no job execution 999");
        });
        assertThat(run("frobnicate").status()).isEqualTo(2);
    }

    @Test
    void executionsListsRecentImportsWithTheirCounts() throws Exception {
        Path sites = Files.writeString(folder.resolve("sites.csv"), "site_code,name,region_code,region_name\nS1,One,R1,Region one\n");
        String sharedDatabase = database;
        run("import", "sites", sites.toString());

        Outcome outcome = run("executions", "--limit=5");

        assertThat(sharedDatabase).isEqualTo(database);
        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).contains("importJob").contains("COMPLETED")
                .contains("file=" + sites.toAbsolutePath() + " kind=sites; read 1, written 1, rejected 0");
    }

    @Test
    void aBadStakeholderStopsTheReviewWithOneLineNamingTheEntry() throws Exception {
        Path sites = Files.writeString(folder.resolve("sites.csv"), "site_code,name,region_code,region_name\nS1,One,R1,Region one\n");
        Path stakeholders = Files.writeString(folder.resolve("stakeholders.yml"),
                "stakeholders:\n  - { name: Ann, email: ann@example.com, locale: en, scope: \"SITE:NOPE\" }\n");
        run("import", "sites", sites.toString());

        Outcome outcome = run("review", "2026-10", "--quality.stakeholders=" + stakeholders,
                "--quality.reports-dir=" + folder.resolve("reports"));

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("error: review of 2026-10 revision 1 FAILED: quality.stakeholders (" + stakeholders + "): entry 1 (Ann):"
                        + " scope 'SITE:NOPE' is not ORG");
    }

    @Test
    void aBadSettingStopsTheApplicationWithAMessageNamingIt() {
        assertThatThrownBy(() -> run("executions", "--quality.zone=Mars/Olympus"))
                .hasRootCauseMessage("quality.zone: 'Mars/Olympus' is not a known time zone (for example UTC or Asia/Shanghai)");
    }
}
