package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.qualityreview.system.ApplicationProcess;
import com.qualityreview.system.ApplicationUnderTest;
import com.qualityreview.system.FaultTestData;
import com.qualityreview.system.PostgresTestDatabase;

import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import java.util.TreeMap;

/**
 * Quality reviews killed with SIGKILL part way — while summarising sites, while rendering reports —
 * and restarted as docs/review.md tells administrators, against an uninterrupted run of the same
 * data in another database (SPEC section 7: "ends with exactly the results an uninterrupted run
 * gives"). The packaged jar runs as child processes against PostgreSQL.
 */
@ExtendWith(PostgresTestDatabase.class)
class ReviewFaultIT {

    static final int SITES = 60;
    static final int REGIONS = 5;
    static final int SITES_PER_CHUNK = 5;
    static final String[] REVIEW = {"review", FaultTestData.PERIOD, "--revision=1"};
    static final String JOB = "qualityReviewJob";

    static FaultTestData.Organisation organisation;
    /** summary.csv and the report files of an uninterrupted review of the same data. */
    static String uninterruptedSummary;
    static SortedSet<String> uninterruptedReports;

    /**
     * Imports the organisation once into a seed database; each test reviews a copy of it. The
     * uninterrupted review runs on a copy of its own, with the default chunk size and threads.
     * (Temporary folders are kept when a test fails: the children's output and logs are there.)
     */
    @BeforeAll
    static void importOnceAndReviewWithoutInterruption(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder) {
        try (ApplicationUnderTest seed = application(folder.resolve("seed"), PostgresTestDatabase.url("review_seed"))) {
            organisation = FaultTestData.organisation(seed.inboundDir(), SITES, REGIONS, 25, 7);
            seed.succeed("scan-inbound");
            assertThat(seed.jdbc().queryForObject("SELECT COUNT(*) FROM rejected_row", Long.class)).isZero();
        }
        try (ApplicationUnderTest uninterrupted = application(folder.resolve("uninterrupted"),
                PostgresTestDatabase.copy("review_seed", "review_uninterrupted"))) {
            uninterrupted.succeed(REVIEW);
            Path reviewFolder = uninterrupted.reviewFolder(FaultTestData.PERIOD, 1);
            uninterruptedSummary = read(reviewFolder.resolve("summary.csv"));
            uninterruptedReports = pdfs(reviewFolder);
        }
        // Independent of the application: the organisation, its regions and its sites, English reports only.
        assertThat(uninterruptedReports).hasSize(1 + REGIONS + SITES).contains("executive.en.pdf");
    }

    @Test
    void aReviewKilledWhileSummarisingSitesAndRestartedEndsWithTheFiguresOfAnUninterruptedRun(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder) {
        try (ApplicationUnderTest application = application(folder, PostgresTestDatabase.copy("review_seed", "review_summarise"))
                .with("quality.review.sites-per-chunk", Integer.toString(SITES_PER_CHUNK))) {
            JdbcTemplate jdbc = application.jdbc();
            slowDownSiteFigures(jdbc);
            ApplicationProcess review = application.start(REVIEW);
            review.await("summariseSitesStep's partitions have committed 2 chunks", Duration.ofMinutes(3), application.database(db ->
                    db.queryForObject("SELECT COALESCE(SUM(COMMIT_COUNT), 0) FROM BATCH_STEP_EXECUTION"
                            + " WHERE STEP_NAME LIKE 'summariseSitesPartition:%' AND STATUS = 'STARTED'", Long.class) >= 2));
            review.kill();
            jdbc.execute("DROP TRIGGER fault_test_slow_insert ON review_figures");

            long killed = application.latestExecutionId(JOB);
            assertThat(application.executionStatus(killed)).isEqualTo("STARTED");
            long summarised = siteFigures(jdbc);
            review.say("killed with " + summarised + " of " + SITES + " sites summarised");
            // Whole chunks only: the figures of the chunks cut off were rolled back, so each partition's figures are those
            // of the sites it committed.
            assertThat(summarised).as("sites summarised when killed").isBetween(2L, SITES - 1L)
                    .isEqualTo(jdbc.queryForObject("SELECT SUM(WRITE_COUNT) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                            + " AND STEP_NAME LIKE 'summariseSitesPartition:%'", Long.class, killed));

            ApplicationUnderTest.Finished restart = application.restartWhenAllowed(killed);

            assertThat(restart.exitCode()).as(restart::diagnostics).isZero();
            List<Map<String, Object>> executions = application.executionsOfInstance(killed);
            assertThat(executions).extracting(e -> e.get("status")).last().isEqualTo("COMPLETED");
            long restarted = ((Number) executions.get(executions.size() - 1).get("id")).longValue();
            assertThat(application.readCount(restarted, "summariseSitesStep"))
                    .as("sites read by the restart: only those not summarised before the kill").isEqualTo(SITES - summarised);
            // Only the partitions the kill cut off ran again.
            assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE"
                    + " 'summariseSitesPartition:%' ORDER BY STEP_NAME", String.class, restarted))
                    .isEqualTo(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE"
                            + " 'summariseSitesPartition:%' AND STATUS <> 'COMPLETED' ORDER BY STEP_NAME", String.class, killed));
            assertSameResultsAsTheUninterruptedRun(application);
        }
    }

    @Test
    void aReviewKilledWhileRenderingReportsAndRestartedWritesEveryReportAndTheSameSummary(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder) {
        try (ApplicationUnderTest application = application(folder, PostgresTestDatabase.copy("review_seed", "review_render"))
                .with("quality.reports.threads", "1")) {
            Path reviewFolder = application.reviewFolder(FaultTestData.PERIOD, 1);
            ApplicationProcess review = application.start(REVIEW);
            review.await("the review folder holds 5 PDFs", Duration.ofMinutes(3), () -> pdfs(reviewFolder).size() >= 5);
            review.kill();

            long killed = application.latestExecutionId(JOB);
            assertThat(application.executionStatus(killed)).isEqualTo("STARTED");
            assertThat(application.jdbc().queryForObject("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                    + " AND STEP_NAME = 'renderReportsStep'", String.class, killed)).isEqualTo("STARTED");
            int rendered = pdfs(reviewFolder).size();
            review.say("killed with " + rendered + " of " + uninterruptedReports.size() + " reports written");
            assertThat(rendered).as("reports written when killed").isLessThan(uninterruptedReports.size());

            ApplicationUnderTest.Finished restart = application.restartWhenAllowed(killed);

            assertThat(restart.exitCode()).as(restart::diagnostics).isZero();
            assertThat(application.executionsOfInstance(killed)).extracting(e -> e.get("status")).last().isEqualTo("COMPLETED");
            assertSameResultsAsTheUninterruptedRun(application);
            // A report cut off by the kill must not survive under its final name: every one opens as a PDF.
            for (String report : uninterruptedReports) {
                try (var pdf = Loader.loadPDF(reviewFolder.resolve(report).toFile())) {
                    assertThat(pdf.getNumberOfPages()).as(report).isPositive();
                }
                catch (IOException e) {
                    throw new AssertionError(report + " is not a readable PDF: " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * A slow database for the run to be killed: storing a site's figures takes 50 ms a row, so
     * summarising the sites lasts seconds instead of half of one, and the kill lands part way (most
     * likely inside a chunk). The figures stored are the same.
     */
    private static void slowDownSiteFigures(JdbcTemplate jdbc) {
        jdbc.execute("CREATE FUNCTION fault_test_slow_insert() RETURNS trigger LANGUAGE plpgsql"
                + " AS $$ BEGIN PERFORM pg_sleep(0.05); RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER fault_test_slow_insert BEFORE INSERT ON review_figures"
                + " FOR EACH ROW EXECUTE FUNCTION fault_test_slow_insert()");
    }

    /**
     * The restarted review's files and figures against the uninterrupted run's, and against what
     * the generated data says: each site once, each feedback row counted once in its region and
     * in the organisation.
     */
    private static void assertSameResultsAsTheUninterruptedRun(ApplicationUnderTest application) {
        Path reviewFolder = application.reviewFolder(FaultTestData.PERIOD, 1);
        assertThat(read(reviewFolder.resolve("summary.csv"))).isEqualTo(uninterruptedSummary);
        assertThat(pdfs(reviewFolder)).isEqualTo(uninterruptedReports);
        assertThat(ApplicationUnderTest.temporaryFiles(application.folder())).as("temporary files (reports, outbox, inbound)")
                .isEmpty();

        JdbcTemplate jdbc = application.jdbc();
        assertThat(jdbc.queryForList("SELECT scope_code FROM review_figures WHERE period = ? AND revision = 1"
                + " AND scope_type = 'SITE' AND period_role = 'CURRENT' ORDER BY scope_code", String.class, FaultTestData.PERIOD))
                .as("sites reviewed").isEqualTo(organisation.sites());
        Map<String, Long> feedbackByScope = jdbc.queryForList("SELECT scope_type, scope_code, feedback_count FROM review_figures"
                + " WHERE period = ? AND revision = 1 AND scope_type IN ('REGION', 'ORG') AND period_role = 'CURRENT'",
                FaultTestData.PERIOD).stream().collect(Collectors.toMap(
                        row -> row.get("scope_type").equals("ORG") ? "ORG" : (String) row.get("scope_code"),
                        row -> ((Number) row.get("feedback_count")).longValue()));
        Map<String, Long> expected = new TreeMap<>(organisation.feedbackByRegion());
        expected.put("ORG", organisation.feedback());
        assertThat(feedbackByScope).as("feedback counted per region and organisation").isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT SUM(site_count) FROM review_rating_count WHERE period = ? AND revision = 1"
                + " AND scope_type = 'ORG'", Long.class, FaultTestData.PERIOD)).as("sites in the organisation's rating counts")
                .isEqualTo(SITES);
    }

    private static ApplicationUnderTest application(Path folder, String databaseUrl) {
        // English only: half the reports to render, and the same languages in every run compared.
        return new ApplicationUnderTest(folder, databaseUrl).with("quality.reports.locales", "en");
    }

    private static long siteFigures(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM review_figures WHERE scope_type = 'SITE' AND period_role = 'CURRENT'",
                Long.class);
    }

    private static SortedSet<String> pdfs(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pdf"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
