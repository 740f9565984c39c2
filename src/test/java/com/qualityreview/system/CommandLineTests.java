package com.qualityreview.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.qualityreview.CommandCatalogue;
import com.qualityreview.QualityReviewApplication;

import org.hsqldb.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import java.net.SocketException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;

/** The command line as an administrator uses it: what it prints and the exit status it ends with. */
class CommandLineTests {

    @TempDir
    Path folder;

    private final String database = "jdbc:hsqldb:mem:cli-" + UUID.randomUUID();
    /** Each test's own log file, for what the one line leaves out. */
    private final Path log = Path.of("target/test-logs/cli-" + UUID.randomUUID() + ".log");

    record Outcome(int status, String out, String err) {
    }

    /** Runs a command line as {@code java -jar} does ({@code main} without its System.exit): start-up failures included. */
    Outcome run(String... words) {
        return captured(() -> QualityReviewApplication.run(withDatabaseAndLog(words)));
    }

    /** As {@link #run(String...)}, with a listener to the application's start-up (to reach its context, or act between its phases). */
    Outcome run(SpringApplicationRunListener listener, String... words) {
        return captured(() -> SpringApplication.withHook(application -> listener,
                () -> QualityReviewApplication.run(withDatabaseAndLog(words))));
    }

    private String[] withDatabaseAndLog(String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        if (args.stream().noneMatch(a -> a.startsWith("--spring.datasource.url="))) {
            args.add("--spring.datasource.url=" + database);
        }
        args.add("--logging.file.name=" + log);
        return args.toArray(String[]::new);
    }

    private static Outcome captured(Callable<Integer> command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int status = command.call();
            return new Outcome(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void assertOneLine(Outcome outcome, String line) {
        assertThat(outcome.status()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo(line + System.lineSeparator());
    }

    private String logText() throws Exception {
        return Files.readString(log);
    }

    private List<Map<String, Object>> auditEvents() {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(database, "SA", "", true);
        try {
            return new JdbcTemplate(connection).queryForList("SELECT username, action, target, outcome FROM audit_event ORDER BY id");
        }
        finally {
            connection.destroy();
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
    void importNamesTheRejectsFileInFullWhenTheFileWasGivenRelative() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        Path sites = Files.writeString(Files.createDirectories(here.resolve("target/cli-" + UUID.randomUUID())).resolve("sites.csv"),
                "site_code,name,region_code,region_name\n,Nameless,R1,Region one\n");

        Outcome outcome = run("import", "sites", "./" + here.relativize(sites));

        assertThat(outcome.status()).as(outcome.err()).isZero();
        assertThat(outcome.out().lines().toList()).contains("rejected rows with line, column and reason: "
                + sites.resolveSibling("sites.csv.rejects.csv"));
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
    void anExecutionThatIsNotThereIsARefusedActionNotAUsageError() {
        assertThat(run("restart", "999")).satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(1);
            assertThat(outcome.err()).startsWith("error: there is no job execution 999");
        });
    }

    @Test
    void helpInEveryFormPrintsTheUsageWithoutStartingTheApplication() throws Exception {
        for (String[] help : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
            // A database that would fail the start, were anything started.
            Outcome outcome = run(with(help, "--spring.datasource.url=jdbc:nowhere:at-all"));

            assertThat(outcome.status()).as(String.join(" ", help) + ": " + outcome.err()).isZero();
            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.out()).startsWith("usage: java -jar target/quality-review.jar <command>")
                    .contains("\n  review <period> [--revision=N]\n      review a period")
                    .contains("\n  help [<command>]\n").contains("2  the command line is wrong");
            assertThat(CommandCatalogue.COMMANDS).allSatisfy(command -> assertThat(outcome.out()).contains("  " + command.synopsis() + "\n"));
        }
        assertThat(log).as("nothing started: no log file").doesNotExist();
    }

    @Test
    void helpOfOneCommandListsItsArgumentsAndOptions() {
        for (String[] help : List.of(new String[] {"help", "resend"}, new String[] {"resend", "--help"}, new String[] {"resend", "-h"})) {
            Outcome outcome = run(help);

            assertThat(outcome.status()).as(String.join(" ", help)).isZero();
            assertThat(outcome.out().lines().toList()).startsWith(
                    "usage: java -jar target/quality-review.jar resend <period> [--revision=N] [--to=EMAIL] [--uncertain] [--setting=value ...]",
                    "", "send a review's failed deliveries again, or a copy of everything one address got", "", "options:",
                    "  --revision=N  the review's revision (default: its latest)");
            assertThat(outcome.out()).contains("  --uncertain   also the uncertain deliveries").contains("exit status:");
        }
        assertThat(log).as("nothing started: no log file").doesNotExist();
    }

    @Test
    void aMisspeltOptionIsRefusedWithTheNearestNameBeforeAnythingRuns() {
        Outcome outcome = run("review", "2026-10", "--revison=1");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err().lines().toList()).containsExactly("error: unknown option --revison for review; did you mean --revision?",
                "see 'java -jar target/quality-review.jar help review' for its arguments and options");
        assertThat(outcome.out()).isEmpty();
        assertThat(log).as("nothing started: no log file, no review").doesNotExist();
    }

    @Test
    void aMisspeltSettingIsRefusedWithTheNearestSetting() {
        assertThat(firstErrorLine(run("executions", "--quality.reports-dri=x"))).isEqualTo(
                "2 error: unknown setting --quality.reports-dri; did you mean --quality.reports-dir?");
        assertThat(firstErrorLine(run("executions", "--qualty.zone=UTC"))).isEqualTo(
                "2 error: unknown option --qualty.zone for executions; did you mean --quality.zone?");
        assertThat(firstErrorLine(run("executions", "--demo.month=2026-10"))).isEqualTo(
                "2 error: unknown option --demo.month for executions");
    }

    @Test
    void wrongWordsAreUsageErrorsNamingWhatIsWrong() {
        assertThat(firstErrorLine(run("reveiw", "2026-10"))).isEqualTo("2 error: unknown command 'reveiw'; did you mean review?");
        assertThat(firstErrorLine(run("help", "reveiw"))).isEqualTo("2 error: unknown command 'reveiw'; did you mean review?");
        assertThat(firstErrorLine(run("frobnicate"))).startsWith("2 error: unknown command 'frobnicate'; the commands are import,");
        assertThat(firstErrorLine(run("import", "complaints", "x.csv"))).isEqualTo("2 error: unknown kind 'complaints'; the kinds are"
                + " sites, criteria, kpi-definitions, feedback, audits, kpis");
        assertThat(firstErrorLine(run("review", "2026-13"))).startsWith("2 error: Invalid period '2026-13'");
        assertThat(firstErrorLine(run("review"))).isEqualTo("2 error: review needs <period>: review <period> [--revision=N]");
        assertThat(firstErrorLine(run("executions", "now"))).isEqualTo("2 error: executions takes no arguments, was given 'now' too:"
                + " executions [--limit=N]");
        assertThat(firstErrorLine(run("review", "2026-10", "--revision"))).isEqualTo("2 error: --revision needs a value: --revision=N");
        assertThat(firstErrorLine(run("demo", "--serve=false"))).isEqualTo("2 error: --serve takes no value: give --serve alone, or"
                + " leave it out");
        assertThat(firstErrorLine(run("restart", "last"))).isEqualTo("2 error: 'last' is not an execution id (see the executions"
                + " command)");
        assertThat(log).as("nothing started: no log file").doesNotExist();
    }

    @Test
    void theCommandsHelpKnowsAreTheCommandsTheApplicationRuns() {
        AtomicReference<Set<CommandSpec>> beans = new AtomicReference<>();
        SpringApplicationRunListener commandBeans = new SpringApplicationRunListener() {
            @Override
            public void started(ConfigurableApplicationContext context, Duration timeTaken) {
                beans.set(Set.copyOf(context.getBeansOfType(Command.class).values().stream().map(Command::spec).toList()));
            }
        };

        assertThat(run(commandBeans, "executions").status()).isZero();

        assertThat(beans.get()).containsExactlyInAnyOrderElementsOf(CommandCatalogue.COMMANDS);
    }

    @Test
    void theReadmesCommandTableListsEveryCommandAsHelpDoes() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertThat(CommandCatalogue.COMMANDS).allSatisfy(command -> assertThat(readme).contains("| `" + command.synopsis() + "` |"));
    }

    private static String firstErrorLine(Outcome outcome) {
        return outcome.status() + " " + outcome.err().lines().findFirst().orElse("");
    }

    private static String[] with(String[] words, String... more) {
        List<String> all = new ArrayList<>(List.of(words));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
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
    void executionsListsEachPartitionOfAReviewWithTheWorkerThatRanIt() throws Exception {
        Path sites = Files.writeString(folder.resolve("sites.csv"), "site_code,name,region_code,region_name\nS1,One,R1,Region one\n");
        run("import", "sites", sites.toString());
        assertThat(run("review", "2026-10", "--quality.reports-dir=" + folder.resolve("reports"),
                "--quality.stakeholders=src/test/resources/review/no-stakeholders.yml").status()).isZero();

        Outcome outcome = run("executions", "--limit=1");

        // Local mode: every partition ran on a thread of this process, which the worker names as <pid>@<host>.
        String worker = ", worker " + ProcessHandle.current().pid() + "@";
        assertThat(outcome.status()).isZero();
        assertThat(outcome.out().lines().filter(line -> line.contains(" partition ")).toList()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern(
                        "^ +partition (summariseSitesPartition|renderReportsPartition):p\\d+ COMPLETED" + worker))
                .anySatisfy(line -> assertThat(line).contains("partition summariseSitesPartition:"))
                .anySatisfy(line -> assertThat(line).contains("partition renderReportsPartition:"));
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
        assertOneLine(run("executions", "--quality.zone=Mars/Olympus"),
                "error: quality.zone: 'Mars/Olympus' is not a known time zone (for example UTC or Asia/Shanghai)");
    }

    @Test
    void aMissingRatingSchemeNamesTheSettingTheFileAndWhatToDo() throws Exception {
        Outcome outcome = run("executions", "--quality.rating-scheme=missing.yml");

        assertOneLine(outcome, "error: quality.rating-scheme: there is no file missing.yml (" + Path.of("missing.yml").toAbsolutePath()
                + "); set it to a rating scheme file (YAML, see docs/review.md), or leave it unset for jobs/star-rating.yml or the"
                + " built-in default");
        assertThat(logText()).as("the cause chain is in the log").contains("java.nio.file.NoSuchFileException: missing.yml");
    }

    @Test
    void aRatingSchemeThatIsNotTextSaysSo() throws Exception {
        Path binary = Files.write(folder.resolve("scheme.yml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xC3, 0x28});

        Outcome outcome = run("executions", "--quality.rating-scheme=" + binary);

        assertOneLine(outcome, "error: quality.rating-scheme: " + binary + " is not a text file in UTF-8; set it to a rating scheme file"
                + " (YAML, see docs/review.md), or leave it unset for jobs/star-rating.yml or the built-in default");
    }

    @Test
    void aSettingThatCannotBeReadNamesItsValueAndWhatItShouldBe() {
        Outcome outcome = run("executions", "--quality.importing.chunk-size=many");

        assertOneLine(outcome, "error: quality.importing.chunk-size: 'many' is not a whole number; correct the setting (see README,"
                + " Configuration)");
        assertThat(outcome.out()).as("Spring Boot's report is for the log file").doesNotContain("APPLICATION FAILED TO START");
        assertOneLine(run("executions", "--quality.jobs.lease-time=soon"), "error: quality.jobs.lease-time: 'soon' is not a"
                + " duration such as PT30S, 30s or 5m; correct the setting (see README, Configuration)");
    }

    @Test
    void aModulesBadSettingStopsEveryCommandWithOneLineNamingIt() {
        // The login throttle's settings are checked by commands that serve no web page too.
        assertOneLine(run("executions", "--quality.login.max-failures=0"),
                "error: quality.login.max-failures must be at least 1, was 0");
        assertOneLine(run("executions", "--quality.reports.threads=many"),
                "error: quality.reports.threads: 'many' is not a whole number; correct the setting (see README, Configuration)");
    }

    @Test
    void aDatabaseLostWhileACommandRunsIsNamedWithWhatToDo() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Server server = new Server();
        server.setDatabaseName(0, "lost");
        server.setDatabasePath(0, "mem:lost-" + UUID.randomUUID());
        server.setAddress("127.0.0.1");
        server.setPort(port);
        server.setSilent(true);
        server.setLogWriter(null);
        server.setErrWriter(null);
        server.setNoSystemExit(true);
        server.start();
        String url = "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/lost";
        // The database goes away once the application has started, before the command asks it anything.
        SpringApplicationRunListener loseTheDatabase = new SpringApplicationRunListener() {
            @Override
            public void started(ConfigurableApplicationContext context, Duration timeTaken) {
                server.stop();
                pause(1000);
            }
        };
        try {
            Outcome outcome = run(loseTheDatabase, "executions",
                    "--spring.datasource.url=" + url + ";hsqldb.tx=mvcc", "--spring.datasource.hikari.connection-timeout=1000");

            assertOneLine(outcome, "error: the database " + url + " does not answer: connection refused; check that it is running and"
                    + " reachable (spring.datasource.url), then run the command again (restart <executionId> resumes a job that was cut short)");
        }
        finally {
            server.shutdown();
        }
    }

    @Test
    void aDatabaseCutOffMidStatementSaysSoRatherThanBrokenPipe() {
        // What PostgreSQL's driver reports when the server went away while a job wrote to it.
        Exception lost = new DataAccessResourceFailureException("PreparedStatementCallback; SQL [UPDATE x SET y = 1]",
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new SocketException("Broken pipe")));

        assertThat(CommandException.oneLine(lost, "jdbc:postgresql://db.example:5432/quality?user=q&password=secret"))
                .isEqualTo("the database jdbc:postgresql://db.example:5432/quality does not answer: the connection was cut (broken pipe);"
                        + " check that it is running and reachable (spring.datasource.url), then run the command again"
                        + " (restart <executionId> resumes a job that was cut short)");
    }

    @Test
    void aSecondProcessOnTheEmbeddedDatabaseIsNamedRatherThanHsqldbsLockText() throws Exception {
        Path data = folder.resolve("data").resolve("quality-review");
        String url = "jdbc:hsqldb:file:" + data + ";shutdown=true";
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldEmbeddedDatabase.class.getName(), url).redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("holding");

            Outcome outcome = run("executions", "--spring.datasource.url=" + url);

            assertOneLine(outcome, "error: the embedded database " + data + " is in use by another process (lock file " + data
                    + ".lck): wait until that process ends, then run this again; only one process at a time can use the embedded"
                    + " database (for several, use PostgreSQL: spring.datasource.url, see README)");
        }
        finally {
            other.getOutputStream().close();
            if (!other.waitFor(20, TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }
    }

    @Test
    void aReportsFolderThatCannotBeWrittenNamesTheSettingBeforeAnythingRuns() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("reports"), "a file, not a folder");

        Outcome outcome = run("review", "2026-10", "--quality.reports-dir=" + notAFolder);

        assertOneLine(outcome, "error: quality.reports-dir: " + notAFolder + " is a file, not a folder; set quality.reports-dir to a"
                + " folder this user can write to");
        assertThat(auditEvents()).extracting(e -> e.get("ACTION") + ": " + e.get("OUTCOME")).containsExactly("review: failed: "
                + outcome.err().strip().substring("error: ".length()));
    }

    @Test
    void everyCommandLineActionIsInTheAuditLogWithItsOutcome() throws Exception {
        Path sites = Files.writeString(folder.resolve("sites.csv"), "site_code,name,region_code,region_name\nS1,One,R1,Region one\n");
        Path bad = Files.writeString(folder.resolve("bad.csv"), "site_code;name\nS1;One\n");
        Path stakeholders = Files.writeString(folder.resolve("stakeholders.yml"),
                "stakeholders:\n  - { name: Ann, email: ann@example.com, locale: en, scope: \"SITE:NOPE\" }\n");
        Path inbound = Files.createDirectories(folder.resolve("inbound"));
        Path reports = folder.resolve("reports");

        assertThat(run("import", "sites", sites.toString()).status()).isZero();
        assertThat(run("import", "sites", bad.toString()).status()).isEqualTo(1);
        assertThat(run("scan-inbound", "--quality.inbound-dir=" + inbound).status()).isZero();
        assertThat(run("review", "2026-10", "--quality.reports-dir=" + reports,
                "--quality.stakeholders=src/test/resources/review/no-stakeholders.yml").status()).isZero();
        assertThat(run("review", "2026-10", "--revision=2", "--quality.reports-dir=" + reports, "--quality.stakeholders=" + stakeholders,
                "--spring.datasource.password=").status()).isEqualTo(1);
        assertThat(run("restart", "999").status()).isEqualTo(1);
        assertThat(run("resend", "2026-09").status()).isEqualTo(1);
        assertThat(run("demo", "--demo.month=2026-13").status()).as("a usage error: nothing done to record").isEqualTo(2);
        assertThat(run("executions").status()).isZero();

        String me = "command line (" + System.getProperty("user.name") + ")";
        List<Map<String, Object>> events = auditEvents();
        assertThat(events).extracting(e -> e.get("USERNAME")).containsOnly(me);
        assertThat(events).extracting(e -> e.get("ACTION") + " | " + e.get("TARGET") + " | " + e.get("OUTCOME")).satisfiesExactly(
                e -> assertThat(e).isEqualTo("import | sites " + sites.toAbsolutePath() + " | COMPLETED (execution 0): read 1, written 1,"
                        + " rejected 0"),
                e -> assertThat(e).startsWith("import | sites " + bad + " | failed: bad.csv: line 1 (header) is not a valid sites header"),
                e -> assertThat(e).isEqualTo("scan-inbound | " + inbound + " | COMPLETED (execution 2): nothing to import in " + inbound),
                e -> assertThat(e).isEqualTo("review | 2026-10 r1 | COMPLETED (execution 3): sites 1"),
                e -> assertThat(e).startsWith("review | 2026-10 --revision=2 | failed: review of 2026-10 revision 2 FAILED:"
                        + " quality.stakeholders (" + stakeholders + "): entry 1 (Ann): scope 'SITE:NOPE' is not ORG"),
                e -> assertThat(e).isEqualTo("restart | 999 | refused: there is no job execution 999"),
                e -> assertThat(e).startsWith("resend | 2026-09 | failed: "));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
