package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.qualityreview.execution.RestartFaultIT;
import com.qualityreview.system.ApplicationProcess;
import com.qualityreview.system.ApplicationUnderTest;
import com.qualityreview.system.FaultTestData;
import com.qualityreview.system.PostgresTestDatabase;
import com.qualityreview.system.RabbitTestBroker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real quality review with its partitions run by two {@code worker} processes (child JVMs of
 * the built jar) over the real RabbitMQ server, against PostgreSQL: the same files as the review
 * run in local mode, and, with one worker killed with SIGKILL mid-partition, a failure naming the
 * partition within quality.scale.worker-timeout and a restart that re-runs only the unfinished
 * partitions, on the surviving worker, ending with the same files and each email sent once; with
 * one worker stopped with SIGTERM mid-partition, that partition finished and the review completed.
 */
@ExtendWith({PostgresTestDatabase.class, RabbitTestBroker.class})
class RabbitReviewFaultIT {

    static final int SITES = 60;
    static final int REGIONS = 5;
    static final String[] REVIEW = {"review", FaultTestData.PERIOD, "--revision=1"};
    static final String JOB = "qualityReviewJob";
    static final List<String> FILES = List.of("summary.csv", "drivers.csv", "ranking.csv", "warnings.csv");
    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(5);
    /** A line of {@code executions}: a partition, its status and the worker that ran it ({@code <pid>@<host> <thread>}). */
    static final Pattern PARTITION = Pattern.compile("partition (\\w+:p\\d+) ([A-Z]+), worker (\\d+)@");

    static GreenMail smtp;
    static int smtpPort;
    static Path stakeholders;
    static List<String> stakeholderEmails;
    /** The files and report names of the same review in local mode: what every run here must match. */
    static Map<String, String> localFiles;
    static SortedSet<String> localReports;

    @BeforeAll
    static void importOnceAndReviewInLocalMode(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder) throws Exception {
        smtpPort = RestartFaultIT.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        stakeholders = folder.resolve("stakeholders.yml");
        stakeholderEmails = FaultTestData.stakeholders(stakeholders, 2);
        try (ApplicationUnderTest seed = application(folder.resolve("seed"), PostgresTestDatabase.url("rabbit_review_seed"))) {
            FaultTestData.organisation(seed.inboundDir(), SITES, REGIONS, 25, 11);
            seed.succeed("scan-inbound");
        }
        try (ApplicationUnderTest local = application(folder.resolve("local"),
                PostgresTestDatabase.copy("rabbit_review_seed", "rabbit_review_local"))) {
            local.succeed(REVIEW);
            localFiles = files(local);
            localReports = pdfs(local.reviewFolder(FaultTestData.PERIOD, 1));
        }
        // Independent of the application: the organisation, its regions and its sites, English reports only.
        assertThat(localReports).hasSize(1 + REGIONS + SITES).contains("executive.en.pdf");
        assertThat(RestartFaultIT.recipients(smtp)).containsExactlyInAnyOrderElementsOf(stakeholderEmails);
    }

    @BeforeEach
    void noEmailsYet() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopMail() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aReviewRunByTwoWorkerProcessesWritesTheFilesOfTheLocalRunWithPartitionsOnBothWorkers(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder) throws Exception {
        try (ApplicationUnderTest application = rabbitmq(application(folder, PostgresTestDatabase.copy("rabbit_review_seed",
                "rabbit_review_two")), RabbitTestBroker.queue("review-two-workers"))) {
            ApplicationProcess workerA = startWorker(application);
            ApplicationProcess workerB = startWorker(application);

            application.succeed(REVIEW);

            assertThat(files(application)).isEqualTo(localFiles);
            assertThat(pdfs(application.reviewFolder(FaultTestData.PERIOD, 1))).isEqualTo(localReports);
            assertThat(RestartFaultIT.recipients(smtp)).containsExactlyInAnyOrderElementsOf(stakeholderEmails);
            // quality.scale.partitions=4 for each partitioned step: 8 partitions, each COMPLETED, on the two workers.
            Map<String, String[]> partitions = partitions(application);
            assertThat(partitions.keySet()).containsExactlyInAnyOrder("summariseSitesPartition:p0", "summariseSitesPartition:p1",
                    "summariseSitesPartition:p2", "summariseSitesPartition:p3", "renderReportsPartition:p00",
                    "renderReportsPartition:p01", "renderReportsPartition:p02", "renderReportsPartition:p03");
            assertThat(partitions.values()).allSatisfy(p -> assertThat(p[0]).isEqualTo("COMPLETED"));
            assertThat(partitions.values().stream().map(p -> Long.parseLong(p[1])).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(workerA.pid(), workerB.pid());
        }
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheReviewNamingThePartitionAndRestartRerunsOnlyTheUnfinishedOnTheOtherWorker(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder) throws Exception {
        try (ApplicationUnderTest application = twoSlowPartitions(folder, "kill")
                .with("quality.scale.worker-timeout", "PT" + WORKER_TIMEOUT.toSeconds() + "S")) {
            JdbcTemplate jdbc = application.jdbc();
            MidPartition running = reviewUntilBothWorkersAreMidPartition(application);
            ApplicationProcess workerA = running.workerA();
            ApplicationProcess workerB = running.workerB();
            ApplicationProcess review = running.review();

            workerA.kill();
            long killedAt = System.nanoTime();
            // The surviving worker's partition ends quickly now: what the review waits for is the lost partition.
            jdbc.execute("DROP TRIGGER rabbit_test_slow_insert ON review_figures");
            int status = review.awaitExit(ApplicationUnderTest.RUN_TIMEOUT);
            Duration noticedAfter = Duration.ofNanos(System.nanoTime() - killedAt);

            assertThat(status).as(review.diagnostics()).isEqualTo(1);
            // quality.scale.worker-timeout (5 s) + heartbeat (1 s) + poll (0.5 s) + the review's JVM ending (a few seconds on
            // a loaded 2-core machine): 20 s.
            assertThat(noticedAfter).isLessThan(WORKER_TIMEOUT.plusSeconds(15));
            long failed = application.latestExecutionId(JOB);
            assertThat(application.executionStatus(failed)).isEqualTo("FAILED");
            Map<String, String[]> beforeRestart = partitions(application);
            String lost = beforeRestart.entrySet().stream().filter(p -> p.getValue()[0].equals("FAILED")).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError("no FAILED partition: " + beforeRestart.keySet()));
            assertThat(beforeRestart).hasSize(2);
            assertThat(beforeRestart.get(lost)[1]).isEqualTo(Long.toString(workerA.pid()));
            assertThat(beforeRestart.entrySet()).filteredOn(p -> !p.getKey().equals(lost)).singleElement()
                    .satisfies(p -> assertThat(p.getValue()).containsExactly("COMPLETED", Long.toString(workerB.pid())));
            assertThat(review.stderr()).contains("partition " + lost + " was lost: its worker " + workerA.pid() + "@");
            assertThat(RestartFaultIT.recipients(smtp)).as("no email before the review completes").isEmpty();

            ApplicationUnderTest.Finished restart = application.restartWhenAllowed(failed);

            assertThat(restart.exitCode()).as(restart::diagnostics).isZero();
            long restarted = application.latestExecutionId(JOB);
            assertThat(application.executionStatus(restarted)).isEqualTo("COMPLETED");
            // Only the lost summarise partition ran again, on the surviving worker; rendering ran for the first time.
            assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE"
                    + " 'summariseSitesPartition:%'", String.class, restarted)).containsExactly(lost);
            Map<String, String[]> afterRestart = partitions(application);
            assertThat(afterRestart.get(lost)).containsExactly("COMPLETED", Long.toString(workerB.pid()));
            assertThat(files(application)).isEqualTo(localFiles);
            assertThat(pdfs(application.reviewFolder(FaultTestData.PERIOD, 1))).isEqualTo(localReports);
            assertThat(ApplicationUnderTest.temporaryFiles(application.folder())).isEmpty();
            // Each stakeholder's email once: the failed run sent none, the restart each one.
            assertThat(RestartFaultIT.recipients(smtp)).containsExactlyInAnyOrderElementsOf(stakeholderEmails);
        }
    }

    @Test
    void aWorkerStoppedWithSigtermMidPartitionFinishesItTakesNoMoreAndTheReviewCompletesOnTheOtherWorker(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder) throws Exception {
        try (ApplicationUnderTest application = twoSlowPartitions(folder, "sigterm")) {
            MidPartition running = reviewUntilBothWorkersAreMidPartition(application);
            ApplicationProcess workerA = running.workerA();
            ApplicationProcess workerB = running.workerB();
            ApplicationProcess review = running.review();

            workerA.terminate();

            assertThat(workerA.awaitExit(ApplicationUnderTest.RUN_TIMEOUT)).as(workerA.diagnostics()).isZero();
            assertThat(workerA.stdout()).contains("worker stopped: 1 partitions run, 0 requests dropped");
            assertThat(review.awaitExit(ApplicationUnderTest.RUN_TIMEOUT)).as(review.diagnostics()).isZero();
            // A finished the partition it ran when SIGTERM came (a partition abandoned would have been lost, failing the
            // review), and took nothing after it: B ran the other summarise partition and both render partitions.
            Map<String, String[]> partitions = partitions(application);
            assertThat(partitions.keySet()).containsExactlyInAnyOrder("summariseSitesPartition:p0", "summariseSitesPartition:p1",
                    "renderReportsPartition:p00", "renderReportsPartition:p01");
            assertThat(partitions.values()).allSatisfy(p -> assertThat(p[0]).isEqualTo("COMPLETED"));
            assertThat(partitions.entrySet()).filteredOn(p -> p.getValue()[1].equals(Long.toString(workerA.pid())))
                    .singleElement().satisfies(p -> assertThat(p.getKey()).startsWith("summariseSitesPartition:"));
            assertThat(partitions.entrySet()).filteredOn(p -> p.getKey().startsWith("renderReportsPartition:"))
                    .allSatisfy(p -> assertThat(p.getValue()[1]).isEqualTo(Long.toString(workerB.pid())));
            assertThat(files(application)).isEqualTo(localFiles);
            assertThat(pdfs(application.reviewFolder(FaultTestData.PERIOD, 1))).isEqualTo(localReports);
            assertThat(RestartFaultIT.recipients(smtp)).containsExactlyInAnyOrderElementsOf(stakeholderEmails);
        }
    }

    /** Two partitions a step, of 30 sites, committed 5 sites at a time, on a database and a queue of the test's own. */
    private static ApplicationUnderTest twoSlowPartitions(Path folder, String name) {
        return rabbitmq(application(folder, PostgresTestDatabase.copy("rabbit_review_seed", "rabbit_review_" + name)),
                RabbitTestBroker.queue("review-" + name + "-worker"))
                .with("quality.scale.partitions", "2").with("quality.review.sites-per-chunk", "5");
    }

    record MidPartition(ApplicationProcess workerA, ApplicationProcess workerB, ApplicationProcess review) {
    }

    /**
     * Starts two workers and the review, on slowed-down site figures, and returns once each worker runs
     * one summarise partition (concurrency 1, prefetch 1) and has committed a chunk of it.
     */
    private static MidPartition reviewUntilBothWorkersAreMidPartition(ApplicationUnderTest application) {
        slowDownSiteFigures(application.jdbc());
        ApplicationProcess workerA = startWorker(application);
        ApplicationProcess workerB = startWorker(application);
        ApplicationProcess review = application.start(REVIEW);
        review.await("both summarise partitions run and have committed a chunk", ApplicationUnderTest.RUN_TIMEOUT,
                application.database(db -> db.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE"
                        + " 'summariseSitesPartition:%' AND STATUS = 'STARTED' AND COMMIT_COUNT >= 1", Long.class) == 2));
        return new MidPartition(workerA, workerB, review);
    }

    private static ApplicationUnderTest application(Path folder, String databaseUrl) {
        // English only (half the reports to render), four partitions, and a quick poll for the manager in rabbitmq mode.
        return new ApplicationUnderTest(folder, databaseUrl).with("quality.reports.locales", "en")
                .with("quality.scale.partitions", "4").with("quality.scale.poll-interval", "PT0.5S")
                .with("quality.stakeholders", stakeholders.toString())
                .with("spring.mail.host", "127.0.0.1").with("spring.mail.port", Integer.toString(smtpPort));
    }

    private static ApplicationUnderTest rabbitmq(ApplicationUnderTest application, String queue) {
        for (String option : RabbitTestBroker.settings(queue)) {
            int equals = option.indexOf('=');
            application.with(option.substring(2, equals), option.substring(equals + 1));
        }
        return application;
    }

    private static ApplicationProcess startWorker(ApplicationUnderTest application) {
        ApplicationProcess worker = application.start("worker");
        worker.awaitOutput(Pattern.compile("worker: running partitions from queue"), ApplicationUnderTest.RUN_TIMEOUT);
        return worker;
    }

    /**
     * The partitions of the newest execution as {@code executions --limit=1} lists them: name to
     * {status, worker pid}.
     */
    private static Map<String, String[]> partitions(ApplicationUnderTest application) {
        ApplicationUnderTest.Finished listing = application.succeed("executions", "--limit=1");
        Map<String, String[]> partitions = new LinkedHashMap<>();
        Matcher line = PARTITION.matcher(listing.stdout());
        while (line.find()) {
            partitions.put(line.group(1), new String[] {line.group(2), line.group(3)});
        }
        return partitions;
    }

    /**
     * A slow database for the run to be killed: storing a site's figures takes 100 ms a row, so a
     * partition lasts seconds and the kill lands part way. The figures stored are the same.
     */
    private static void slowDownSiteFigures(JdbcTemplate jdbc) {
        jdbc.execute("CREATE FUNCTION rabbit_test_slow_insert() RETURNS trigger LANGUAGE plpgsql"
                + " AS $$ BEGIN PERFORM pg_sleep(0.1); RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER rabbit_test_slow_insert BEFORE INSERT ON review_figures"
                + " FOR EACH ROW EXECUTE FUNCTION rabbit_test_slow_insert()");
    }

    private static Map<String, String> files(ApplicationUnderTest application) {
        Path reviewFolder = application.reviewFolder(FaultTestData.PERIOD, 1);
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : FILES) {
            try {
                files.put(file, Files.readString(reviewFolder.resolve(file), StandardCharsets.UTF_8));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static SortedSet<String> pdfs(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pdf"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
