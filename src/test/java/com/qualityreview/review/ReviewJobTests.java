package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.qualityreview.execution.Restarts;
import com.qualityreview.intake.ImportKind;
import com.qualityreview.intake.Imports;
import com.qualityreview.reporting.PdfReading;
import com.qualityreview.review.job.LegacyContexts;
import com.qualityreview.review.job.RankingCsv;
import com.qualityreview.review.job.ReviewContext;
import com.qualityreview.review.job.DriversCsv;
import com.qualityreview.review.job.SummaryCsv;
import com.qualityreview.review.job.WarningsCsv;
import com.qualityreview.review.job.WriteSummaryCsvTasklet;
import com.qualityreview.system.DatabaseDialect;
import com.qualityreview.system.FaultInjection;
import com.qualityreview.system.QualityProperties;
import com.qualityreview.scale.Partitions;
import com.qualityreview.scale.ScaleForTests;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.PartitionStep;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import com.qualityreview.execution.Executions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The review job on a small organisation whose every figure is worked out by hand below, through
 * import, database and summary.csv. Run on HSQLDB and PostgreSQL by the subclasses.
 *
 * <pre>
 * Sites A, B in region R1; C in R2. Criteria CLEAN (2 points), SAFE (3 points, mandatory from 3 stars).
 * KPIs WAIT (lower better, target 10, MEAN), SALES (higher better, target 100, SUM).
 * Feedback 2026-10:  A: F1 csat 5 nps 10 rel 4 fcr true 2 h; F2 csat 4 nps 9 complaint WAIT fcr false 4 h
 *                    B: F3 csat 1 nps 0 rel 2 complaint STAFF; F4 csat 2 nps 7 complaint WAIT; F5 csat 3
 *                    C: F6 nothing but complaint=false
 * A: csat 4.5, satisfied 100 %, NPS 100, complaints 1/2 = 50 %, FCR 1/2 = 50 %, hours mean 3 median 3
 * B: csat 2, satisfied 0 %, NPS (0 promoters − 1 detractor)/2 = −50, complaints 2/3 = 66.666667 %
 * R1 from rows: csat (5+4+1+2+3)/5 = 3.0 (the mean of its sites' means would be 3.25),
 *    satisfied 2/5 = 40 %, NPS (2 − 1)/4 = 25, complaints 3/5 = 60 %, reliability (4+2)/2 = 3
 * Audits: A: X1 CLEAN PASS, SAFE FAIL → 2/5 = 40 %, SAFE FAILED; B none (SAFE NOT_ASSESSED);
 *         C: X2 CLEAN NA, SAFE PASS → 3/3 = 100 %. ORG: (2+3)/(5+3) = 62.5 %.
 * KPIs: A WAIT 8, 12 → 10 met; SALES 60 + 50 = 110 met. B WAIT 20 not met (KPI_MISS: 20 > 12).
 *       R1 WAIT (8+12+20)/3 = 13.33 not met, SALES 110 met → 50 % of KPIs met.
 * Quality index A: 0.35×87.5 + 0.15×100 + 0.30×40 + 0.20×100 = 77.625
 *               B: (0.35×25 + 0.15×25 + 0.20×0)/0.70 = 17.857143 (no audit: weights rescaled)
 *               R1: 0.35×50 + 0.15×62.5 + 0.30×40 + 0.20×50 = 48.875; R2 = C = 100 (audit only)
 *               ORG: 17.5 + 9.375 + 0.30×62.5 + 10 = 55.625
 * Ratings (test scheme): A meets 1 and 2, misses 3 (SAFE FAILED) → 2; B misses 2 (csat 2 &lt; 3) → 1;
 *         C has 1 row &lt; 2 → UNRATED.
 * </pre>
 */
abstract class ReviewJobTests {

    @Autowired
    Imports imports;
    @Autowired
    Reviews reviews;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job qualityReviewJob;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FaultInjection faults;
    @Autowired
    Executions executions;
    @Autowired
    ReviewResults results;
    @Autowired
    DatabaseDialect dialect;
    @Autowired
    QualityProperties properties;

    @TempDir
    Path folder;

    static final String HEADER = "feedback_id,site_code,submitted_at,channel,csat,nps,reliability,complaint,category,"
            + "first_contact_resolved,resolution_hours\n";

    @BeforeEach
    void organisation() throws Exception {
        faults.heal();
        for (String table : List.of("review_site_rank", "review_driver", "review_trend", "review_figures", "review_rating_count", "review_pareto", "review_kpi", "review_mandatory",
                "review_compliance", "review_warning", "review_resolved_warning", "review_run", "work_lease", "import_day_count", "rejected_row", "import_file", "feedback", "audit_item",
                "kpi_measurement", "kpi_definition", "criterion", "site", "region")) {
            jdbc.update("DELETE FROM " + table);
        }
        SmallOrganisation.load(imports, folder);
    }

    void load(ImportKind kind, String csv) throws Exception {
        SmallOrganisation.load(imports, folder, kind, csv);
    }

    JobExecution review(String period, int revision, String zone) throws Exception {
        return jobOperator.start(qualityReviewJob, new JobParametersBuilder().addString("period", period)
                .addLong("revision", (long) revision).addLong("run.id", System.nanoTime())
                .addString("zone", zone, false).toJobParameters());
    }

    static Path summary(JobExecution execution) {
        return Path.of(execution.getExecutionContext().getString(WriteSummaryCsvTasklet.SUMMARY_FILE));
    }

    static Path drivers(JobExecution execution) {
        return summary(execution).resolveSibling("drivers.csv");
    }

    /**
     * August 2026, all five SERVQUAL scores (driver-min-rows = 4 in the subclasses): A has the six rows
     * of KeyDriversTest (its figures are worked out there), B two more rows, C none.
     * <pre>
     * row  csat  rel resp ass emp tan
     * A  the six rows of KeyDriversTest
     * B1     3    4   4    4   4   4
     * B2     5    5   1    5   5   3
     * R1 = ORG = A + B (8 rows): Σy = 19 + 8 = 27, Σy² = 71 + 34 = 105, nΣy² − (Σy)² = 840 − 729 = 111
     *       Σx Σx² Σxy  nΣxy − ΣxΣy       nΣx² − (Σx)²     r                            mean
     * rel   26 100 101  808 − 702 = 106   800 − 676 = 124  106/√13764 = 0.903511       26/8 = 3.25
     * resp  21  63  67  536 − 567 = −31   504 − 441 = 63   −31/√6993  = −0.370706      21/8 = 2.625
     * ass   35 157 123  984 − 945 = 39    1256 − 1225 = 31 39/√3441   = 0.664848       35/8 = 4.375
     * emp   27  99  98  784 − 729 = 55    792 − 729 = 63   55/√6993   = 0.657705       27/8 = 3.375
     * tan   34 148 111  888 − 918 = −30   1184 − 1156 = 28 −30/√3108  = −0.538122      34/8 = 4.25
     * Fisher margin 1.959964/√5 = 0.876523:
     * rel  atanh 1.491014  → [tanh 0.614491, tanh 2.367537] = [0.547281, 0.982589]
     * resp atanh −0.389242 → [−0.852645, 0.452056]; ass 0.801452 → [−0.074930, 0.932598]
     * emp  atanh 0.788758  → [−0.087540, 0.930925]; tan −0.601508 → [−0.901098, 0.268284]
     * Medians: r 0.657705 (emp), mean 3.375 (emp): rel CONCENTRATE_HERE, ass and emp KEEP_UP_THE_GOOD_WORK,
     * resp LOW_PRIORITY, tan POSSIBLE_OVERKILL. B: 2 rows &lt; 4 and C: none → no site rows; R2: no rows, five empty lines.
     * </pre>
     */
    @Test
    void driversCsvHoldsTheKeyDriversWorkedOutByHand() throws Exception {
        load(ImportKind.FEEDBACK, DRIVER_FEEDBACK);

        JobExecution execution = reviews.start(Period.parse("2026-08"), Optional.empty());

        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        List<String> lines = Files.readAllLines(drivers(execution));
        assertThat(lines.get(0)).isEqualTo(String.join(",", DriversCsv.COLUMNS));
        assertCsvRows(lines.subList(1, lines.size()),
                "ORG,ORG,RELIABILITY,8,0.903511,0.547281,0.982589,3.25,CONCENTRATE_HERE",
                "ORG,ORG,ASSURANCE,8,0.664848,-0.074930,0.932598,4.375,KEEP_UP_THE_GOOD_WORK",
                "ORG,ORG,EMPATHY,8,0.657705,-0.087540,0.930925,3.375,KEEP_UP_THE_GOOD_WORK",
                "ORG,ORG,RESPONSIVENESS,8,-0.370706,-0.852645,0.452056,2.625,LOW_PRIORITY",
                "ORG,ORG,TANGIBLES,8,-0.538122,-0.901098,0.268284,4.25,POSSIBLE_OVERKILL",
                "REGION,R1,RELIABILITY,8,0.903511,0.547281,0.982589,3.25,CONCENTRATE_HERE",
                "REGION,R1,ASSURANCE,8,0.664848,-0.074930,0.932598,4.375,KEEP_UP_THE_GOOD_WORK",
                "REGION,R1,EMPATHY,8,0.657705,-0.087540,0.930925,3.375,KEEP_UP_THE_GOOD_WORK",
                "REGION,R1,RESPONSIVENESS,8,-0.370706,-0.852645,0.452056,2.625,LOW_PRIORITY",
                "REGION,R1,TANGIBLES,8,-0.538122,-0.901098,0.268284,4.25,POSSIBLE_OVERKILL",
                "REGION,R2,RELIABILITY,0,,,,,",
                "REGION,R2,RESPONSIVENESS,0,,,,,",
                "REGION,R2,ASSURANCE,0,,,,,",
                "REGION,R2,EMPATHY,0,,,,,",
                "REGION,R2,TANGIBLES,0,,,,,",
                "SITE,A,RELIABILITY,6,0.938462,0.532342,0.993417,2.833333,CONCENTRATE_HERE",
                "SITE,A,ASSURANCE,6,0.610170,-0.398945,0.950870,4.333333,KEEP_UP_THE_GOOD_WORK",
                "SITE,A,EMPATHY,6,0.607644,-0.402316,0.950483,3,KEEP_UP_THE_GOOD_WORK",
                "SITE,A,RESPONSIVENESS,6,-0.110940,-0.846305,0.769943,2.666667,LOW_PRIORITY",
                "SITE,A,TANGIBLES,6,-0.372104,-0.909123,0.629581,4.5,POSSIBLE_OVERKILL");
        // Stored to 10 decimals, printed with 6: the same value as the CSV rounds it.
        assertThat(jdbc.queryForObject("SELECT r FROM review_driver WHERE scope_type = 'SITE' AND scope_code = 'A'"
                + " AND dimension = 'RELIABILITY'", BigDecimal.class)).isEqualByComparingTo("0.9384615385"); // 61/65
        ReviewResult result = results.load(Period.parse("2026-08"), 1).orElseThrow();
        assertThat(result.organisation().drivers()).extracting(ReviewResult.Driver::rank, ReviewResult.Driver::dimension,
                ReviewResult.Driver::quadrant).startsWith(tuple(1, "RELIABILITY", "CONCENTRATE_HERE"));
        assertThat(result.sites()).extracting(ReviewResult.Scope::code, site -> site.drivers().size())
                .containsExactly(tuple("A", 5), tuple("B", 0), tuple("C", 0));
        // The reports: the organisation's and R1's first CONCENTRATE_HERE dimension; R2 has no rows (0 of 4).
        Path reports = properties.reportsDir().resolve("2026-08").resolve("r1");
        assertThat(pdfText(reports.resolve("executive.en.pdf"))).contains("Fix first: Reliability");
        assertThat(pdfText(reports.resolve("executive.zh-CN.pdf"))).contains("优先改进：可靠性");
        assertThat(pdfText(reports.resolve("region-R1.en.pdf"))).contains("Fix first: Reliability");
        assertThat(pdfText(reports.resolve("region-R2.en.pdf"))).contains("Fix first: too few rows (0 of 4)");
        assertThat(pdfText(reports.resolve("region-R2.zh-CN.pdf"))).contains("优先改进：行数不足（0/4）");
    }

    /** A (six rows of KeyDriversTest) and B (two) in August 2026, every SERVQUAL score given. */
    static final String DRIVER_FEEDBACK = "feedback_id,site_code,submitted_at,channel,csat,nps,reliability,responsiveness,"
            + "assurance,empathy,tangibles,complaint,category,first_contact_resolved,resolution_hours\n"
            + "D1,A,2026-08-01T10:00:00Z,APP,5,,5,3,5,3,5,false,,,\n"
            + "D2,A,2026-08-02T10:00:00Z,APP,4,,4,2,5,4,4,false,,,\n"
            + "D3,A,2026-08-03T10:00:00Z,APP,2,,2,2,4,3,5,false,,,\n"
            + "D4,A,2026-08-04T10:00:00Z,APP,3,,2,4,3,2,4,false,,,\n"
            + "D5,A,2026-08-05T10:00:00Z,APP,1,,1,3,4,2,5,false,,,\n"
            + "D6,A,2026-08-06T10:00:00Z,APP,4,,3,2,5,4,4,false,,,\n"
            + "D7,B,2026-08-07T10:00:00Z,WEB,3,,4,4,4,4,4,false,,,\n"
            + "D8,B,2026-08-08T10:00:00Z,WEB,5,,5,1,5,5,3,false,,,\n";

    /** Text fields equal, numbers within 1e-6 of the hand-worked ones (given to 6 decimals), empty fields empty. */
    static void assertCsvRows(List<String> actual, String... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            String[] want = expected[i].split(",", -1);
            String[] got = actual.get(i).split(",", -1);
            assertThat(got).as(actual.get(i)).hasSameSizeAs(want);
            for (int j = 0; j < want.length; j++) {
                if (!want[j].isEmpty() && Character.isDigit(want[j].charAt(want[j].length() - 1)) && j > 2) {
                    assertThat(Double.parseDouble(got[j])).as(actual.get(i)).isCloseTo(Double.parseDouble(want[j]),
                            offset(1e-6));
                }
                else {
                    assertThat(got[j]).as(actual.get(i)).isEqualTo(want[j]);
                }
            }
        }
    }

    @Test
    void summaryCsvHoldsTheFiguresWorkedOutByHand() throws Exception {
        JobExecution execution = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary(execution)).endsWith(Path.of("2026-10", "r1", "summary.csv"));
        assertThat(Files.readAllLines(summary(execution))).containsExactly(
                String.join(",", SummaryCsv.COLUMNS),
                "ORG,ORG,2026-10,6,3.000000,40.000000,25.000000,3.000000,,,,,3,50.000000,50.000000,3.000000,3.000000,2,62.500000,55.625000,,0",
                "REGION,R1,2026-10,5,3.000000,40.000000,25.000000,3.000000,,,,,3,60.000000,50.000000,3.000000,3.000000,1,40.000000,48.875000,,0",
                "REGION,R2,2026-10,1,,,,,,,,,0,0.000000,,,,1,100.000000,100.000000,,0",
                "SITE,A,2026-10,2,4.500000,100.000000,100.000000,4.000000,,,,,1,50.000000,50.000000,3.000000,3.000000,1,40.000000,77.625000,2,",
                "SITE,B,2026-10,3,2.000000,0.000000,-50.000000,2.000000,,,,,2,66.666667,,,,0,,17.857143,1,",
                "SITE,C,2026-10,1,,,,,,,,,0,0.000000,,,,1,100.000000,100.000000,UNRATED,");
    }

    /**
     * Late or missing data, with September rows added to the organisation above (default share 0.5):
     * <pre>
     * A: 2 rows in October against 4 in September (P1, S1-S3): exactly half is not below → complete.
     * B: 3 rows against 7 (S4-S10): 3 &lt; 3.5 → LOW_VOLUME.
     * C: 1 row against none: nothing to compare with → complete.
     * D: a new active site in R2 without any row → NO_ROWS.
     * R1: 1 incomplete site (B), R2: 1 (D), ORG: 2.
     * </pre>
     */
    static Path ranking(JobExecution execution) {
        return summary(execution).resolveSibling(RankingCsv.FILE);
    }

    /**
     * The fair ranking of the organisation above (docs/review.md, Fair ranking):
     * <pre>
     * A (R1): csat 5, 4     n 2  Σy 9  Σy² 41  mean 4.5;  B (R1): csat 1, 2, 3  n 3  Σy 6  Σy² 14  mean 2;  C: no answer
     * m = 2, N = 5, R = 1; R1 mean from its rows (9 + 6) / 5 = 3
     * SSW = (41 − 81/2) + (14 − 36/3) = 0.5 + 2 = 2.5; σ²_w = 2.5 / (5 − 2) = 0.8333333333
     * SSB = 2(4.5 − 3)² + 3(2 − 3)² = 4.5 + 3 = 7.5; MSB = 7.5 / (2 − 1) = 7.5
     * n₀ = (5 − (2² + 3²)/5) / 1 = 2.4; τ² = (7.5 − 0.8333333333) / 2.4 = 2.7777777778; k = 0.8333333333 / 2.7777777778 = 0.3
     * A: w = 2 / 2.3 = 0.8695652174, 3 + 0.8695652174 × 1.5 = 4.3043478261
     * B: w = 3 / 3.3 = 0.9090909091, 3 + 0.9090909091 × (−1) = 2.0909090909
     * </pre>
     */
    @Test
    void rankingCsvHoldsTheFairRankingWorkedOutByHand() throws Exception {
        JobExecution execution = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readAllLines(ranking(execution))).containsExactly(
                String.join(",", RankingCsv.COLUMNS),
                "1,1,1,A,R1,2,4.500000,0.869565,4.304348,0.300000",
                "2,2,2,B,R1,3,2.000000,0.909091,2.090909,0.300000",
                ",,,C,R2,0,,,,");
        assertThat(jdbc.queryForObject("SELECT shrunk_csat_mean FROM review_site_rank WHERE site_code = 'A'", BigDecimal.class)
                .doubleValue()).isCloseTo(4.3043478261, within(1e-6));
        assertThat(jdbc.queryForObject("SELECT k FROM review_site_rank WHERE site_code = 'B'", BigDecimal.class).doubleValue())
                .isCloseTo(0.3, within(1e-6));
        // What the reports read: every site in rank order, the one without answers last and unranked.
        assertThat(results.load(Period.parse("2026-10"), 1).orElseThrow().fairRanking())
                .extracting(ReviewResult.RankedSite::siteCode, ReviewResult.RankedSite::rank, ReviewResult.RankedSite::regionRank,
                        ReviewResult.RankedSite::rawRank)
                .containsExactly(tuple("A", 1, 1, 1), tuple("B", 2, 2, 2), tuple("C", null, null, null));
        // As the reader sees it, 3 sites so all of them: rank, code, name, region (executive), responses,
        // raw mean, adjusted mean (2 decimals), raw rank; C without answers last, blank; k under the title.
        Path reports = properties.reportsDir().resolve("2026-10").resolve("r1");
        for (String language : List.of("en", "zh-CN")) {
            List<String> executive = lines(pdfText(reports.resolve("executive." + language + ".pdf")));
            assertThat(executive).as(language).contains("1 A Alpha 甲 R1 2 4.50 4.30 1", "2 B Beta R1 3 2.00 2.09 2", "C Gamma R2 0")
                    .anySatisfy(line -> assertThat(line).contains("k = 0.30"));
            assertThat(lines(pdfText(reports.resolve("region-R1." + language + ".pdf")))).as(language)
                    .contains("1 A Alpha 甲 2 4.50 4.30 1", "2 B Beta 3 2.00 2.09 2");
        }
    }

    /** A PDF's text lines, each stripped, runs of spaces as one. */
    static List<String> lines(String pdfText) {
        return Arrays.stream(pdfText.split("\\R")).map(line -> line.strip().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void aRankStepThatFailedAndWasRestartedOrRunAgainStoresExactlyTheRankingOfAnUninterruptedRun() throws Exception {
        String uninterrupted = Files.readString(ranking(review("2026-10", 1, "UTC")));
        faults.failAfter(0, "INTO review_site_rank");

        JobExecution failed = review("2026-10", 2, "UTC");
        faults.heal();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_site_rank WHERE revision = 2", Integer.class)).isZero();

        JobExecution restarted = Restarts.restartOnceReleased(executions, failed.getId());
        JobExecution again = review("2026-10", 2, "UTC");

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readString(ranking(restarted))).isEqualTo(uninterrupted);
        assertThat(Files.readString(ranking(again))).isEqualTo(uninterrupted);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_site_rank WHERE revision = 2", Integer.class)).isEqualTo(3);
    }

    @Test
    void aSiteBelowHalfItsPreviousVolumeAndASiteWithoutRowsAreMarkedDataIncomplete() throws Exception {
        load(ImportKind.SITES, "site_code,name,region_code,region_name\nD,Delta,R2,Region two\n");
        StringBuilder september = new StringBuilder(HEADER);
        for (int i = 1; i <= 10; i++) {
            september.append("S").append(i).append(i <= 3 ? ",A" : ",B").append(",2026-09-1").append(i % 10)
                    .append("T10:00:00Z,APP,4,,,false,,,\n");
        }
        load(ImportKind.FEEDBACK, september.toString());

        JobExecution execution = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readAllLines(summary(execution)).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(",2026-10")) + " " + line.substring(line.lastIndexOf(',') + 1)).toList())
                .containsExactly("ORG,ORG 2", "REGION,R1 1", "REGION,R2 1", "SITE,A ", "SITE,B LOW_VOLUME", "SITE,C ", "SITE,D NO_ROWS");
        assertThat(jdbc.queryForList("SELECT scope_code || ':' || feedback_count FROM review_figures WHERE scope_type = 'SITE'"
                + " AND period_role = 'PREVIOUS' ORDER BY scope_code", String.class)).containsExactly("A:4", "B:7", "C:0", "D:0");
        ReviewResult result = results.load(Period.parse("2026-10"), 1).orElseThrow();
        assertThat(result.sites()).extracting(ReviewResult.Scope::code, ReviewResult.Scope::dataIncomplete)
                .containsExactly(tuple("A", null), tuple("B", "LOW_VOLUME"), tuple("C", null), tuple("D", "NO_ROWS"));
        assertThat(result.organisation().incompleteSites()).isEqualTo(2);
        assertThat(result.incompleteSites(result.organisation())).extracting(ReviewResult.Scope::code).containsExactly("B", "D");
        assertThat(result.incompleteSites(result.regions().get(1))).extracting(ReviewResult.Scope::name).containsExactly("Delta");
    }

    @Test
    void complianceMandatoryStatusKpisParetoAndWarningsAreStored() throws Exception {
        reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(jdbc.queryForList("SELECT site_code || ':' || status FROM review_mandatory WHERE criterion_code = 'SAFE'"
                + " ORDER BY site_code", String.class)).containsExactly("A:FAILED", "B:NOT_ASSESSED", "C:MET");
        // What A needs for its third star: the failed mandatory criterion, and nothing else.
        assertThat(jdbc.queryForList("SELECT requirement || ':' || LOWER(CAST(met AS VARCHAR(5))) FROM review_compliance WHERE site_code = 'A'"
                + " AND level_role = 'NEXT' ORDER BY position", String.class))
                .containsExactly("minimum-feedback:true", "min-csat-mean:true", "mandatory:SAFE:false");
        assertThat(jdbc.queryForObject("SELECT star_level FROM review_compliance WHERE site_code = 'B' AND level_role = 'NEXT'"
                + " AND position = 1", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT scope_code || ':' || kpi_code || ':' || LOWER(CAST(met AS VARCHAR(5))) FROM review_kpi WHERE kpi_value IS NOT NULL"
                + " ORDER BY scope_type, scope_code, kpi_code", String.class)).containsExactly(
                "ORG:SALES:true", "ORG:WAIT:false", "R1:SALES:true", "R1:WAIT:false", "A:SALES:true", "A:WAIT:true", "B:WAIT:false");
        assertThat(jdbc.queryForObject("SELECT kpi_value FROM review_kpi WHERE scope_code = 'R1' AND kpi_code = 'WAIT'",
                BigDecimal.class)).isEqualByComparingTo("13.3333333333");
        assertThat(jdbc.queryForList("SELECT category || ':' || complaint_count || ':' || LOWER(CAST(vital_few AS VARCHAR(5))) FROM review_pareto"
                + " WHERE scope_code = 'R1' ORDER BY position", String.class)).containsExactly("WAIT:2:true", "STAFF:1:true");
        assertThat(jdbc.queryForList("SELECT site_code, warning_type, severity FROM review_warning ORDER BY site_code, position")
                .stream().map(r -> tuple(r.get("SITE_CODE"), r.get("WARNING_TYPE"), r.get("SEVERITY"))).toList())
                .containsExactly(tuple("A", "MANDATORY_FAILED", "SEVERE"), tuple("B", "KPI_MISS", "MINOR"));
        assertThat(jdbc.queryForList("SELECT scope_code || ':' || rating_change FROM review_figures WHERE scope_type = 'SITE'"
                + " AND period_role = 'CURRENT' ORDER BY scope_code", String.class)).containsExactly("A:NEW", "B:NEW", "C:SAME");
        assertThat(reviews.ratingCounts(Period.parse("2026-10"), 1)).containsEntry("1", 1L).containsEntry("2", 1L)
                .containsEntry("UNRATED", 1L).containsEntry("0", 0L);
        assertThat(jdbc.queryForObject("SELECT sites_rated_3_plus_pct FROM review_figures WHERE scope_type = 'ORG'"
                + " AND period_role = 'CURRENT'", BigDecimal.class)).isEqualByComparingTo("0");
    }

    /**
     * Warning history over five months reviewed in order (docs/review.md, Warnings > History). A fails
     * its mandatory SAFE in October (X1), November and December, passes it in January and February; it
     * has two rows a month (csat 5 and 4, as F1 and F2; November also N1), so it stays at 2 stars while
     * SAFE fails (csat ≥ 3, SAFE failed for level 3) and is at 5 from January on: no downgrade of A.
     * B misses WAIT in October (20 against 10), meets it in November (1) and has no rows after
     * October: rated 1★, then UNRATED in November (a MINOR downgrade), UNRATED after (no warning).
     * <pre>
     * 2026-10 (no review of September: all new)  A SAFE NEW 1; B WAIT NEW 1
     * 2026-11  A SAFE CONTINUING 2 since 2026-10; B DOWNGRADE NEW 1; B WAIT RESOLVED (ran 1)
     * 2026-12  A SAFE CONTINUING 3 since 2026-10; B DOWNGRADE RESOLVED (ran 1, since 2026-11)
     * 2027-01  A SAFE RESOLVED (ran 3, since 2026-10)
     * 2027-02  nothing: a resolved warning is shown once
     * </pre>
     */
    @Test
    void aWarningThatRunsThreeMonthsThenResolvesIsShownNewContinuingAndResolvedOnce() throws Exception {
        StringBuilder feedback = new StringBuilder(HEADER);
        StringBuilder audits = new StringBuilder("audit_id,site_code,audited_on,audit_type,auditor,criterion_code,result\n");
        List<String> months = List.of("2026-11", "2026-12", "2027-01", "2027-02");
        for (String month : months) {
            feedback.append("H1-").append(month).append(",A,").append(month).append("-03T10:00:00Z,APP,5,10,,false,,,\n")
                    .append("H2-").append(month).append(",A,").append(month).append("-04T10:00:00Z,APP,4,9,,false,,,\n");
            audits.append("Y-").append(month).append(",A,").append(month).append("-05,INTERNAL,Ann,SAFE,")
                    .append(month.compareTo("2027-01") < 0 ? "FAIL" : "PASS").append('\n');
        }
        load(ImportKind.FEEDBACK, feedback.toString());
        load(ImportKind.AUDITS, audits.toString());
        String header = String.join(",", WarningsCsv.COLUMNS);

        assertThat(warningsCsv("2026-10")).containsExactly(header,
                "SITE:A,MANDATORY_FAILED,SAFE,SEVERE,2026-10,1,NEW",
                "SITE:B,KPI_MISS,WAIT,MINOR,2026-10,1,NEW");
        assertThat(warningsCsv("2026-11")).containsExactly(header,
                "SITE:A,MANDATORY_FAILED,SAFE,SEVERE,2026-10,2,CONTINUING",
                "SITE:B,DOWNGRADE,,MINOR,2026-11,1,NEW",
                "SITE:B,KPI_MISS,WAIT,MINOR,2026-10,1,RESOLVED");
        assertThat(warningsCsv("2026-12")).containsExactly(header,
                "SITE:A,MANDATORY_FAILED,SAFE,SEVERE,2026-10,3,CONTINUING",
                "SITE:B,DOWNGRADE,,MINOR,2026-11,1,RESOLVED");
        // The reports say how long it has run, in each language.
        Path december = properties.reportsDir().resolve("2026-12").resolve("r1");
        assertThat(pdfText(december.resolve("site-A.en.pdf"))).contains("3rd month");
        assertThat(pdfText(december.resolve("site-A.zh-CN.pdf"))).contains("第3个月");
        assertThat(pdfText(december.resolve("executive.en.pdf"))).contains("3rd month");

        assertThat(warningsCsv("2027-01")).containsExactly(header,
                "SITE:A,MANDATORY_FAILED,SAFE,SEVERE,2026-10,3,RESOLVED");
        ReviewResult january = results.load(Period.parse("2027-01"), 1).orElseThrow();
        assertThat(january.organisation().warnings()).isEmpty();
        assertThat(january.organisation().resolvedWarnings()).extracting(ReviewResult.WarningRow::siteCode,
                ReviewResult.WarningRow::type, ReviewResult.WarningRow::status, ReviewResult.WarningRow::firstPeriod,
                ReviewResult.WarningRow::periodsRunning).containsExactly(tuple("A", "MANDATORY_FAILED", "RESOLVED", "2026-10", 3));
        // Every reader of the active warnings sees none: the resolved one is kept apart.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_warning WHERE period = '2027-01'", Long.class)).isZero();
        Path reports = properties.reportsDir().resolve("2027-01").resolve("r1");
        String english = pdfText(reports.resolve("site-A.en.pdf")).replaceAll("\\s+", " ");
        assertThat(english).contains("Resolved since 2026-12", "A Alpha 甲 · Mandatory criterion failed: ran 3 months");
        String chinese = pdfText(reports.resolve("site-A.zh-CN.pdf")).replaceAll("\\s+", "");
        assertThat(chinese).contains("自2026-12以来已解决", "AAlpha甲·必备条件未达标：持续3个月");
        // The new texts are all in Chinese: nothing English outside the data in the Chinese reports.
        List<String> data = jdbc.queryForList("SELECT site_code FROM site UNION SELECT name FROM site UNION SELECT region_code FROM region"
                + " UNION SELECT name FROM region UNION SELECT criterion_code FROM criterion UNION SELECT name FROM criterion"
                + " UNION SELECT kpi_code FROM kpi_definition UNION SELECT name FROM kpi_definition UNION SELECT unit FROM kpi_definition"
                + " UNION SELECT DISTINCT category FROM review_pareto UNION SELECT DISTINCT scope_name FROM review_figures", String.class);
        for (Path report : List.of(december.resolve("executive.zh-CN.pdf"), december.resolve("site-A.zh-CN.pdf"),
                reports.resolve("executive.zh-CN.pdf"), reports.resolve("region-R1.zh-CN.pdf"), reports.resolve("site-A.zh-CN.pdf"))) {
            assertThat(PdfReading.englishOutsideData(pdfText(report), data)).as(report.toString()).isEmpty();
        }

        assertThat(warningsCsv("2027-02")).containsExactly(header);
    }

    /** Reviews the month (its first revision) and reads the warnings.csv written beside its summary.csv. */
    List<String> warningsCsv(String month) throws Exception {
        JobExecution execution = reviews.start(Period.parse(month), Optional.empty());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return Files.readAllLines(summary(execution).resolveSibling("warnings.csv"));
    }

    @Test
    void trendsCoverTwelvePeriodsAndAddSitesUpFromTheirRows() throws Exception {
        reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(jdbc.queryForList("SELECT trend_period FROM review_trend WHERE scope_type = 'ORG' ORDER BY position", String.class))
                .containsExactly("2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
                        "2026-07", "2026-08", "2026-09", "2026-10");
        // A in September: P1 alone (csat 1, nps 0, a complaint); in October: F1 and F2.
        assertThat(trend("SITE", "A", "2026-09")).containsExactly(1L, "1.0000000000", "-100.0000000000", "100.0000000000");
        assertThat(trend("SITE", "A", "2026-10")).containsExactly(2L, "4.5000000000", "100.0000000000", "50.0000000000");
        assertThat(trend("REGION", "R1", "2026-10")).containsExactly(5L, "3.0000000000", "25.0000000000", "60.0000000000");
        assertThat(trend("ORG", "ORG", "2026-10")).containsExactly(6L, "3.0000000000", "25.0000000000", "50.0000000000");
        assertThat(trend("ORG", "ORG", "2026-08")).containsExactly(0L, null, null, null);
    }

    List<Object> trend(String type, String code, String period) {
        return jdbc.queryForList("SELECT feedback_count, csat_mean, nps, complaint_rate_pct FROM review_trend"
                + " WHERE scope_type = ? AND scope_code = ? AND trend_period = ?", type, code, period).stream()
                .flatMap(row -> row.values().stream())
                .map(value -> value instanceof BigDecimal d ? d.toPlainString() : value instanceof Number n ? (Object) n.longValue() : value)
                .toList();
    }

    @Test
    void theStoredResultsReadBackAsTheReportsNeedThem() throws Exception {
        reviews.start(Period.parse("2026-10"), Optional.empty());

        ReviewResult result = results.load(Period.parse("2026-10"), 1).orElseThrow();

        assertThat(result.regions()).extracting(ReviewResult.Scope::code).containsExactly("R1", "R2");
        assertThat(result.sites()).extracting(ReviewResult.Scope::code, ReviewResult.Scope::name)
                .containsExactly(tuple("A", "Alpha 甲"), tuple("B", "Beta"), tuple("C", "Gamma"));
        assertThat(result.organisation().current().csatMean()).isEqualByComparingTo("3");
        assertThat(result.organisation().previous().feedbackCount()).isEqualTo(1); // P1 in September
        assertThat(result.organisation().warnings()).extracting(ReviewResult.WarningRow::siteCode, ReviewResult.WarningRow::severity)
                .containsExactly(tuple("A", "SEVERE"), tuple("B", "MINOR"));
        assertThat(result.regions().get(1).warnings()).isEmpty();
        ReviewResult.Scope a = result.sites().get(0);
        assertThat(a.current().rating()).isEqualTo("2");
        assertThat(a.compliance()).filteredOn(c -> c.levelRole().equals("NEXT")).extracting(ReviewResult.Compliance::requirement,
                ReviewResult.Compliance::met).containsExactly(tuple("minimum-feedback", true), tuple("min-csat-mean", true),
                tuple("mandatory:SAFE", false));
        assertThat(a.kpis()).extracting(ReviewResult.Kpi::code, ReviewResult.Kpi::name, ReviewResult.Kpi::met)
                .containsExactly(tuple("SALES", "Sales", true), tuple("WAIT", "Wait", true));
        assertThat(a.trend()).hasSize(12);
        assertThat(result.organisation().ratingCounts()).containsEntry("2", 1L).containsEntry("UNRATED", 1L);
        // The rows of October only: P1 and N1, X0, and B's KPI of November are of other months.
        assertThat(result.dataQuality()).extracting(ReviewResult.SourceCounts::kind, ReviewResult.SourceCounts::read,
                ReviewResult.SourceCounts::written, ReviewResult.SourceCounts::rejected).contains(
                tuple("feedback", 6L, 6L, 0L), tuple("audits", 4L, 4L, 0L), tuple("kpis", 5L, 5L, 0L), tuple("sites", 3L, 3L, 0L));
    }

    JobExecution importWithRejects(String fileName, String csv) throws Exception {
        JobExecution execution = imports.run(ImportKind.FEEDBACK, Files.writeString(folder.resolve(fileName), csv));
        assertThat(execution.getStatus()).as(imports.failureMessage(execution)).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    static String appendixLine(String pdfText, String source) {
        return lines(pdfText).stream().filter(line -> line.startsWith(source + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(source + " not in the appendix"));
    }

    /**
     * The data-quality appendix of 2026-10 (UTC), by hand. Feedback: the organisation's file has 6
     * rows of October (P1 is of September, N1 of November). A late file: L1 and F1 again (October)
     * written; L2 written but of September; L3 (October, unknown site) rejected; L4 (no 32nd day)
     * rejected without a date; L5 (November, csat 9) rejected but of November. So 2 written, 1 dated
     * and 1 undated rejected of October. A September file with an undated reject counts nowhere in
     * October, nor does a file imported after the review started. Feedback: 2 files, read 6 + 4 = 10,
     * written 6 + 2 = 8, rejected 2 of which 1 undated. Audits: X1 and X2, 2 items each = 4 (X0 is
     * of September). KPIs: 5 (B's WAIT of November 1 is not). Reference data: its one import each.
     */
    @Test
    void theDataQualityAppendixCountsTheRowsOfThePeriodWheneverTheyWereImported() throws Exception {
        importWithRejects("feedback-late.csv", HEADER
                + "L1,A,2026-10-20T10:00:00Z,APP,4,,,false,,,\n"
                + "F1,A,2026-10-01T10:00:00Z,APP,5,10,4,false,,true,2\n"
                + "L2,C,2026-09-15T10:00:00Z,APP,4,,,false,,,\n"
                + "L3,Z,2026-10-21T10:00:00Z,APP,4,,,false,,,\n"
                + "L4,A,2026-10-32T10:00:00Z,APP,4,,,false,,,\n"
                + "L5,A,2026-11-02T10:00:00Z,APP,9,,,false,,,\n");
        importWithRejects("feedback-september.csv", HEADER
                + "S9,A,2026-09-03T10:00:00Z,APP,4,,,false,,,\n"
                + "S10,A,yesterday,APP,4,,,false,,,\n");

        JobExecution review = reviews.start(Period.parse("2026-10"), Optional.empty());
        importWithRejects("feedback-after.csv", HEADER + "L6,A,2026-10-22T10:00:00Z,APP,4,,,false,,,\n");

        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ReviewResult result = results.load(Period.parse("2026-10"), 1).orElseThrow();
        assertThat(result.dataQuality()).extracting(ReviewResult.SourceCounts::kind, ReviewResult.SourceCounts::files,
                ReviewResult.SourceCounts::read, ReviewResult.SourceCounts::written, ReviewResult.SourceCounts::rejected,
                ReviewResult.SourceCounts::rejectedUndated).containsExactly(
                tuple("feedback", 2L, 10L, 8L, 2L, 1L),
                tuple("audits", 1L, 4L, 4L, 0L, 0L),
                tuple("kpis", 1L, 5L, 5L, 0L, 0L),
                tuple("sites", 1L, 3L, 3L, 0L, 0L),
                tuple("criteria", 1L, 2L, 2L, 0L, 0L),
                tuple("kpi-definitions", 1L, 2L, 2L, 0L, 0L));
        // As the reader sees it: source, files, read, written, rejected, of which undated.
        Path reports = properties.reportsDir().resolve("2026-10").resolve("r1");
        String english = pdfText(reports.resolve("executive.en.pdf"));
        assertThat(appendixLine(english, "Customer feedback")).isEqualTo("Customer feedback 2 10 8 2 1");
        assertThat(appendixLine(english, "Audits")).isEqualTo("Audits 1 4 4 0 0");
        assertThat(appendixLine(english, "KPI values")).isEqualTo("KPI values 1 5 5 0 0");
        assertThat(appendixLine(pdfText(reports.resolve("executive.zh-CN.pdf")), "顾客反馈")).isEqualTo("顾客反馈 2 10 8 2 1");
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theOrganisationZoneDecidesWhichMonthAFeedbackBelongsTo() throws Exception {
        load(ImportKind.FEEDBACK, HEADER
                + "Z1,C,2026-09-30T16:00:00Z,APP,5,,,false,,,\n"    // 2026-10-01 00:00 in Shanghai
                + "Z2,C,2026-09-30T15:59:59Z,APP,5,,,false,,,\n");  // still September there

        JobExecution shanghai = review("2026-10", 1, "Asia/Shanghai");

        assertThat(shanghai.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // In Shanghai, F2 (Oct 31 23:59:59Z) is in November and P1 (Sep 30 23:59:59Z) in October.
        assertThat(jdbc.queryForObject("SELECT feedback_count FROM review_figures WHERE scope_type = 'SITE' AND scope_code = 'C'"
                + " AND period_role = 'CURRENT'", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT feedback_count FROM review_figures WHERE scope_type = 'SITE' AND scope_code = 'A'"
                + " AND period_role = 'CURRENT'", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT csat_mean FROM review_figures WHERE scope_type = 'SITE' AND scope_code = 'A'"
                + " AND period_role = 'CURRENT'", BigDecimal.class)).isEqualByComparingTo("3");
    }

    @Test
    void aRerunAfterLateDataIsTheNextRevisionAndEarlierRevisionsStay() throws Exception {
        Path first = summary(reviews.start(Period.parse("2026-10"), Optional.empty()));
        String before = Files.readString(first);
        load(ImportKind.FEEDBACK, HEADER + "L1,C,2026-10-20T10:00:00Z,APP,5,10,,false,,,\n");

        JobExecution second = reviews.start(Period.parse("2026-10"), Optional.empty());

        assertThat(summary(second)).endsWith(Path.of("2026-10", "r2", "summary.csv"));
        assertThat(Files.readString(first)).isEqualTo(before);
        assertThat(Files.readAllLines(summary(second))).contains(
                "SITE,C,2026-10,2,5.000000,100.000000,100.000000,,,,,,0,0.000000,,,,1,100.000000,100.000000,5,");
        assertThat(jdbc.queryForList("SELECT revision || ':' || feedback_count FROM review_figures WHERE scope_type = 'SITE'"
                + " AND scope_code = 'C' AND period_role = 'CURRENT' ORDER BY revision", String.class)).containsExactly("1:1", "2:2");
    }

    @Test
    void aReviewOfAPeriodAndRevisionNeverRunsTwiceAtOnce() throws Exception {
        // Another machine runs revision 1 as execution 999: its claim, and its lease renewed just now.
        jdbc.update("INSERT INTO review_run (period, revision, zone, status, started_at, job_instance_id, job_execution_id)"
                + " VALUES ('2026-10', 1, 'UTC', 'RUNNING', CURRENT_TIMESTAMP, 0, 999)");
        jdbc.update("INSERT INTO work_lease (lease_id, host, pid, acquired_at, renewed_at)"
                + " VALUES ('execution:999', 'other-host', 4242, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

        assertThatThrownBy(() -> reviews.start(Period.parse("2026-10"), Optional.of(1)))
                .isInstanceOf(ReviewAlreadyRunningException.class)
                .hasMessageStartingWith("the review of 2026-10 revision 1 is already running in execution 999, process 4242 on other-host");
        JobExecution raced = review("2026-10", 1, "UTC"); // as another machine that passed the first check at the same moment

        assertThat(raced.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(raced.getAllFailureExceptions()).anySatisfy(e -> assertThat(e).isInstanceOf(ReviewAlreadyRunningException.class)
                .hasMessageContaining("in execution 999, process 4242 on other-host"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_figures", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT job_execution_id FROM review_run WHERE period = '2026-10' AND revision = 1",
                Long.class)).isEqualTo(999L);
    }

    @Test
    void aClaimLeftByAnExecutionWhoseLeaseExpiredIsForARestartNotANewRun() throws Exception {
        // Execution 998 claimed revision 1, then its process died: its lease was last renewed an hour ago.
        jdbc.update("INSERT INTO review_run (period, revision, zone, status, started_at, job_instance_id, job_execution_id)"
                + " VALUES ('2026-10', 1, 'UTC', 'RUNNING', CURRENT_TIMESTAMP, 0, 998)");
        jdbc.update("INSERT INTO work_lease (lease_id, host, pid, acquired_at, renewed_at)"
                + " VALUES ('execution:998', 'gone-host', 4243, ?, ?)", OffsetDateTime.now().minusHours(1),
                OffsetDateTime.now().minusHours(1));

        assertThatThrownBy(() -> reviews.start(Period.parse("2026-10"), Optional.of(1)))
                .isInstanceOf(ReviewAlreadyRunningException.class)
                .hasMessage("the review of 2026-10 revision 1 is already running as execution 998, whose process is gone:"
                        + " restart execution 998 (or review without a revision for a new one)");
        // The restart of the dead execution re-claims the review as it starts (as any execution does).
        JobExecution takingOver = review("2026-10", 1, "UTC");

        assertThat(takingOver.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT status FROM review_run WHERE period = '2026-10' AND revision = 1", String.class))
                .isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT job_execution_id FROM review_run WHERE period = '2026-10' AND revision = 1",
                Long.class)).isEqualTo(takingOver.getId());
    }

    @Test
    void aReviewWhoseDatabaseWentAwayPartWayAndRestartedEndsWithTheFiguresOfAnUninterruptedRun() throws Exception {
        String uninterrupted = Files.readString(summary(review("2026-10", 1, "UTC")));
        faults.databaseGoesAwayAfter(1, "INTO review_figures"); // the second chunk (site B) dies as it writes

        long id;
        try {
            id = review("2026-10", 2, "UTC").getId();
        }
        catch (Exception e) {
            faults.heal();
            id = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
        }
        faults.heal();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_figures WHERE revision = 2 AND scope_type = 'SITE'",
                Integer.class)).isEqualTo(2); // site A's two rows, from the first committed chunk

        JobExecution restarted = Restarts.restartOnceReleased(executions, id);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readString(summary(restarted))).isEqualTo(uninterrupted);
    }

    /**
     * Resolution hours and audits added to the organisation above:
     * <pre>
     * Hours 2026-10: A 2, 4 (F1, F2) and 9 → median 4; B 1, 1.5 → 1.25; C 0.000001, 0.000002 → 0.0000015.
     *   R1: 1, 1.5, 2, 4, 9 → 2 (the mean of its sites' medians would be 2.625); R2 = C;
     *   ORG: 0.000001, 0.000002, 1, 1.5, 2, 4, 9 → 1.5.
     * Hours 2026-09: B 6, C 8 → R1 6, R2 8, ORG (6 + 8) / 2 = 7; A none.
     * Audits 2026-10: X1 at A, X2 at C, X4 with an item at A and one at B (the import allows it), X5 at B (NA only):
     *   A 2 (X1, X4), B 2 (X4, X5), C 1; R1 3 (X1, X4, X5, where its sites' counts add up to 4); R2 1; ORG 4.
     * Audits 2026-09: X0 at B → B 1, R1 1, ORG 1; A, C and R2 0.
     * </pre>
     */
    @Test
    void mediansAndDistinctAuditsOfSitesRegionsAndTheOrganisationAreComputedFromTheRows() throws Exception {
        load(ImportKind.FEEDBACK, HEADER
                + "H1,A,2026-10-02T10:00:00Z,APP,,,,false,,,9\n"
                + "H2,B,2026-10-03T10:00:00Z,APP,,,,false,,,1\n"
                + "H3,B,2026-10-04T10:00:00Z,APP,,,,false,,,1.5\n"
                + "H4,C,2026-10-05T10:00:00Z,APP,,,,false,,,0.000001\n"
                + "H5,C,2026-10-06T10:00:00Z,APP,,,,false,,,0.000002\n"
                + "Q1,B,2026-09-10T10:00:00Z,APP,,,,false,,,6\n"
                + "Q2,C,2026-09-11T10:00:00Z,APP,,,,false,,,8\n");
        load(ImportKind.AUDITS, "audit_id,site_code,audited_on,audit_type,auditor,criterion_code,result\n"
                + "X4,A,2026-10-06,INTERNAL,Ann,CLEAN,PASS\nX4,B,2026-10-06,INTERNAL,Ann,SAFE,PASS\n"
                + "X5,B,2026-10-07,INTERNAL,Ann,CLEAN,NA\n");

        assertThat(review("2026-10", 1, "UTC").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(jdbc.queryForList("SELECT scope_code, period_role, resolution_hours_median, audit_count FROM review_figures"
                + " ORDER BY scope_type, scope_code, period_role").stream()
                .map(row -> row.get("SCOPE_CODE") + ":" + row.get("PERIOD_ROLE") + ":" + plain(row.get("RESOLUTION_HOURS_MEDIAN"))
                        + ":" + row.get("AUDIT_COUNT")).toList()).containsExactly(
                "ORG:CURRENT:1.5:4", "ORG:PREVIOUS:7:1",
                "R1:CURRENT:2:3", "R1:PREVIOUS:6:1",
                "R2:CURRENT:0.0000015:1", "R2:PREVIOUS:8:0",
                "A:CURRENT:4:2", "A:PREVIOUS::0",
                "B:CURRENT:1.25:2", "B:PREVIOUS:6:1",
                "C:CURRENT:0.0000015:1", "C:PREVIOUS:8:0");
    }

    static String plain(Object decimal) {
        return decimal == null ? "" : ((BigDecimal) decimal).stripTrailingZeros().toPlainString();
    }

    @Test
    void theDatabaseMedianIsExactAndTheMeanOfTheTwoMiddleValuesForAnEvenCount() {
        assertThat(median("2", "6", "10", "4")).isEqualByComparingTo("5");
        assertThat(median("0.5", "1.5", "2", "4", "6", "10")).isEqualByComparingTo("3");
        assertThat(median("9", "1", "3")).isEqualByComparingTo("3");
        assertThat(median("7.25")).isEqualByComparingTo("7.25");
        // Where double precision (PostgreSQL's PERCENTILE_CONT) or the column's scale (HSQLDB's MEDIAN) would fall short:
        assertThat(median("0.1", "0.2")).isEqualByComparingTo("0.15");
        assertThat(median("0.000001", "0.000002")).isEqualByComparingTo("0.0000015");
        assertThat(median("123456789012.123456", "123456789012.123457")).isEqualByComparingTo("123456789012.1234565");
        assertThat(median((String) null)).isNull();
        // Descending, so that the database sorts them: 1..1000 → (500 + 501) / 2; 1..1001 → 501.
        assertThat(median(IntStream.iterate(1000, i -> i - 1).limit(1000).mapToObj(Integer::toString)
                .toArray(String[]::new))).isEqualByComparingTo("500.5");
        assertThat(median(IntStream.iterate(1001, i -> i - 1).limit(1001).mapToObj(Integer::toString)
                .toArray(String[]::new))).isEqualByComparingTo("501");
    }

    BigDecimal median(String... values) {
        String rows = String.join(", ", Arrays.stream(values)
                .map(v -> "(CAST(" + (v == null ? "NULL" : "'" + v + "'") + " AS DECIMAL(18, 6)))").toList());
        return jdbc.queryForObject("SELECT " + dialect.median("v") + " FROM (VALUES " + rows + ") AS t (v)", BigDecimal.class);
    }

    @Test
    void theExecutionContextsDoNotGrowWithTheNumberOfAuditsAndResolutionValues() throws Exception {
        JobExecution before = review("2026-10", 1, "UTC");
        StringBuilder feedback = new StringBuilder(HEADER);
        StringBuilder audits = new StringBuilder("audit_id,site_code,audited_on,audit_type,auditor,criterion_code,result\n");
        for (int i = 0; i < 500; i++) {
            feedback.append("G").append(i).append(",A,2026-10-20T10:00:00Z,APP,,,,false,,,").append(i % 50).append('\n');
            audits.append("Y").append(i).append(",A,2026-10-20,INTERNAL,Ann,CLEAN,PASS\n");
        }
        load(ImportKind.FEEDBACK, feedback.toString());
        load(ImportKind.AUDITS, audits.toString());

        JobExecution after = review("2026-10", 2, "UTC");

        assertThat(jdbc.queryForObject("SELECT audit_count FROM review_figures WHERE revision = 2 AND scope_code = 'A'"
                + " AND period_role = 'CURRENT'", Long.class)).isEqualTo(501);
        // Only the digits of the sums and counts change: 500 audit ids alone would add over 3,000 characters.
        assertThat(stepContext(after, "summariseSitesStep").length() - stepContext(before, "summariseSitesStep").length()).isLessThan(200);
        assertThat(jobContext(after.getId()).length() - jobContext(before.getId()).length()).isLessThan(200);
    }

    String stepContext(JobExecution execution, String step) {
        return context("BATCH_STEP_EXECUTION_CONTEXT", "STEP_EXECUTION_ID", stepExecutionId(execution.getId(), step));
    }

    String jobContext(long jobExecutionId) {
        return context("BATCH_JOB_EXECUTION_CONTEXT", "JOB_EXECUTION_ID", jobExecutionId);
    }

    private String context(String table, String idColumn, long id) {
        var row = jdbc.queryForMap("SELECT SHORT_CONTEXT, SERIALIZED_CONTEXT FROM " + table + " WHERE " + idColumn + " = ?", id);
        Object serialized = row.get("SERIALIZED_CONTEXT");
        return serialized != null ? serialized.toString() : row.get("SHORT_CONTEXT").toString();
    }

    long stepExecutionId(long jobExecutionId, String step) {
        return jdbc.queryForObject("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = ?",
                Long.class, jobExecutionId, step);
    }

    /** Replaces a stored context as the job repository stores it (base64 of the serialised map). */
    void replaceContext(String table, String idColumn, long id, String base64) {
        boolean longOne = base64.length() > 2500;
        jdbc.update("UPDATE " + table + " SET SHORT_CONTEXT = ?, SERIALIZED_CONTEXT = ? WHERE " + idColumn + " = ?",
                longOne ? base64.substring(0, 2496) + " ..." : base64, longOne ? base64 : null, id);
    }

    static String serialise(ExecutionContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DefaultExecutionContextSerializer().serialize(context.toMap(), out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Revision {@code revision} dies as its second chunk (site B) is written, site A committed; the execution's id. */
    long reviewDyingAtSiteB(int revision) throws Exception {
        faults.databaseGoesAwayAfter(1, "INTO review_figures");
        long id;
        try {
            id = review("2026-10", revision, "UTC").getId();
        }
        catch (Exception e) {
            faults.heal();
            id = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
        }
        faults.heal();
        assertThat(summarised(revision)).containsExactly("A");
        return id;
    }

    List<String> summarised(int revision) {
        return jdbc.queryForList("SELECT scope_code FROM review_figures WHERE revision = ? AND scope_type = 'SITE'"
                + " AND period_role = 'CURRENT' ORDER BY scope_code", String.class, revision);
    }

    static long readCount(JobExecution execution, String step) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(step)).findFirst().orElseThrow().getReadCount();
    }

    @Test
    void aRestartSummarisesTheSitesOfTheFirstStartEachOnceWhateverWasAddedOrDeactivatedSince() throws Exception {
        JobExecution first = review("2026-10", 1, "UTC");
        String uninterrupted = Files.readString(summary(first));
        String uninterruptedDrivers = Files.readString(drivers(first));
        long id = reviewDyingAtSiteB(2);
        // Before the restart: a site whose code sorts before every other (a reader resuming by position would read A
        // again), with feedback of the period in region R1; and C, not summarised yet, deactivated.
        jdbc.update("INSERT INTO site (site_code, name, region_code, active) VALUES ('0NEW', 'New', 'R1', TRUE)");
        load(ImportKind.FEEDBACK, HEADER + "N1,0NEW,2026-10-05T10:00:00Z,APP,1,0,1,true,STAFF,false,99\n");
        jdbc.update("UPDATE site SET active = FALSE WHERE site_code = 'C'");

        JobExecution restarted = Restarts.restartOnceReleased(executions, id);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(readCount(restarted, "summariseSitesStep")).as("sites read by the restart").isEqualTo(2);
        assertThat(summarised(2)).containsExactly("A", "B", "C");
        // The review of the sites of its first start, as an uninterrupted run started then: 0NEW nowhere, C everywhere.
        assertThat(Files.readString(summary(restarted))).isEqualTo(uninterrupted);
        assertThat(Files.readString(drivers(restarted))).isEqualTo(uninterruptedDrivers);
        assertThat(jdbc.queryForList("SELECT DISTINCT scope_code FROM review_trend WHERE revision = 2 AND scope_type = 'SITE'"
                + " ORDER BY scope_code", String.class)).containsExactly("A", "B", "C");
    }

    @Test
    void aReviewFailedWithTheContextsOfVersion1IsRestartedToTheFiguresOfAnUninterruptedRun() throws Exception {
        String uninterrupted = Files.readString(summary(review("2026-10", 1, "UTC")));
        long id = reviewDyingAtSiteB(2);
        // As the release before version 2 left it: the step's context after site A, no partitions, and no sites recorded in the job's.
        replaceContext("BATCH_STEP_EXECUTION_CONTEXT", "STEP_EXECUTION_ID", stepExecutionId(id, "summariseSitesStep"),
                LegacyContexts.SUMMARISE_STEP_AFTER_SITE_A);
        withoutPartitions(id);
        ExecutionContext job = new ExecutionContext();
        job.putString("batch.version", "6.0.4");
        replaceContext("BATCH_JOB_EXECUTION_CONTEXT", "JOB_EXECUTION_ID", id, serialise(job));

        JobExecution restarted = Restarts.restartOnceReleased(executions, id);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(readCount(restarted, "summariseSitesStep")).as("sites read by the restart").isEqualTo(2);
        assertThat(Files.readString(summary(restarted))).isEqualTo(uninterrupted);
    }

    @Test
    void aSummariseStepOfTheReleaseBeforePartitionsIsContinuedByPartitionsOverTheSitesAfterItsLastOne() throws Exception {
        List<String> uninterrupted = reviewFiles(review("2026-10", 1, "UTC"));
        long id = reviewDyingAtSiteB(2);
        // As that release left it: the single step's context after site A (last site, sites done, region sums, version 2)
        // — what the partition holds now, without its range — and no partitions.
        ExecutionContext step = new ExecutionContext(new DefaultExecutionContextSerializer().deserialize(new ByteArrayInputStream(
                context("BATCH_STEP_EXECUTION_CONTEXT", "STEP_EXECUTION_ID", stepExecutionId(id, "summariseSitesPartition:p0"))
                        .getBytes(StandardCharsets.ISO_8859_1))));
        assertThat(step.getString("siteReader.lastSite")).isEqualTo("A");
        for (String partitionKey : List.of("review.partition.firstSite", "review.partition.lastSite", "review.partition.sites",
                "review.partition.rows")) {
            step.remove(partitionKey);
        }
        replaceContext("BATCH_STEP_EXECUTION_CONTEXT", "STEP_EXECUTION_ID", stepExecutionId(id, "summariseSitesStep"), serialise(step));
        withoutPartitions(id);
        summariseIn(2);

        JobExecution restarted = Restarts.restartOnceReleased(executions, id);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // B and C only, split as two sites alone would be (work B 4, C 2: share 3, and a range holds at least one site).
        assertThat(partitionsOf(restarted)).containsExactly("summariseSitesPartition:p0 B-B COMPLETED",
                "summariseSitesPartition:p1 C-C COMPLETED");
        assertThat(summarised(2)).containsExactly("A", "B", "C");
        // A's sums come from the old step's context: without them the region R1 figures would lack site A.
        assertThat(reviewFiles(restarted)).isEqualTo(uninterrupted);
    }

    @Test
    void aRestartOfAReviewSavedInAnUnknownFormatFailsSayingWhatToDo() throws Exception {
        long id = reviewDyingAtSiteB(1);
        long step = stepExecutionId(id, "summariseSitesStep");
        ExecutionContext context = new ExecutionContext(new DefaultExecutionContextSerializer().deserialize(
                new ByteArrayInputStream(context("BATCH_STEP_EXECUTION_CONTEXT", "STEP_EXECUTION_ID", step)
                        .getBytes(StandardCharsets.ISO_8859_1))));
        context.putInt(ReviewContext.VERSION_KEY, 3); // as a later release might save it
        replaceContext("BATCH_STEP_EXECUTION_CONTEXT", "STEP_EXECUTION_ID", step, serialise(context));

        JobExecution restarted = Restarts.restartOnceReleased(executions, id);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getAllFailureExceptions()).anySatisfy(e -> assertThat(e).hasStackTraceContaining(
                "the review of 2026-10 revision 1 was saved in the format of version 3, which this release cannot read"));
        assertThat(summarised(1)).containsExactly("A");
    }

    /** Removes the partitions of execution {@code id}, as a summarise step of the release before partitions left none. */
    void withoutPartitions(long id) {
        String partitions = "SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'summariseSitesPartition:%'";
        jdbc.update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (" + partitions + ")", id);
        jdbc.update("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'summariseSitesPartition:%'", id);
    }

    @Autowired
    Partitions partitions;
    @Autowired
    Step summariseSitesStep;
    @Autowired
    Step summariseSitesPartition;
    @Autowired
    JobRepository jobRepository;

    /** The subclasses run one partition (deterministic fault tests); these tests set their own count. */
    void summariseIn(int partitionCount) {
        ((PartitionStep) summariseSitesStep).setPartitionHandler(ScaleForTests.localPartitions(partitionCount).handler(summariseSitesPartition));
    }

    @AfterEach
    void configuredPartitions() {
        ((PartitionStep) summariseSitesStep).setPartitionHandler(partitions.handler(summariseSitesPartition));
    }

    /** The partitions of an execution, by name, with the status and the site range of each. */
    static List<String> partitionsOf(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().startsWith("summariseSitesPartition:"))
                .sorted(java.util.Comparator.comparing(StepExecution::getStepName))
                .map(step -> step.getStepName() + " " + step.getExecutionContext().getString("review.partition.firstSite", "-") + "-"
                        + step.getExecutionContext().getString("review.partition.lastSite", "-") + " " + step.getStatus())
                .toList();
    }

    /** summary.csv, drivers.csv, ranking.csv and warnings.csv of a review, as read. */
    static List<String> reviewFiles(JobExecution execution) throws IOException {
        List<String> files = new java.util.ArrayList<>();
        for (String name : List.of("summary.csv", "drivers.csv", "ranking.csv", "warnings.csv")) {
            files.add(name + ":\n" + Files.readString(summary(execution).resolveSibling(name)));
        }
        return files;
    }

    /**
     * Rows of 2026-10 by site: A 2, B 3, C 1; work (rows + 1) A 3, B 4, C 2 = 9. Two partitions, share 4.5:
     * after A 3, after B 7 — 3 is nearer (1.5 below against 2.5 above) → A | B–C. Four partitions: one per site.
     */
    @Test
    void theReviewFilesAreByteIdenticalWithOneTwoAndFourPartitions() throws Exception {
        summariseIn(1);
        JobExecution one = review("2026-10", 1, "UTC");
        summariseIn(2);
        JobExecution two = review("2026-10", 1, "UTC");
        summariseIn(4);
        JobExecution four = review("2026-10", 1, "UTC");

        assertThat(List.of(one.getStatus(), two.getStatus(), four.getStatus())).containsOnly(BatchStatus.COMPLETED);
        assertThat(partitionsOf(one)).containsExactly("summariseSitesPartition:p0 A-C COMPLETED");
        assertThat(partitionsOf(two)).containsExactly("summariseSitesPartition:p0 A-A COMPLETED", "summariseSitesPartition:p1 B-C COMPLETED");
        assertThat(partitionsOf(four)).containsExactly("summariseSitesPartition:p0 A-A COMPLETED", "summariseSitesPartition:p1 B-B COMPLETED",
                "summariseSitesPartition:p2 C-C COMPLETED");
        assertThat(readCount(four, "summariseSitesStep")).as("sites read by the partitions together").isEqualTo(3);
        List<String> files = reviewFiles(one);
        assertThat(reviewFiles(two)).isEqualTo(files);
        assertThat(reviewFiles(four)).isEqualTo(files);
    }

    @Test
    void aPartitionThatFailedIsTheOnlyOneRunAgainOnRestartAndTheResultsAreThoseOfAnUninterruptedRun() throws Exception {
        summariseIn(2); // A | B–C, as above
        List<String> uninterrupted = reviewFiles(review("2026-10", 1, "UTC"));
        faults.failAfter(0, "INTO review_figures"); // the first partition to store site figures fails; the other completes

        JobExecution failed = review("2026-10", 2, "UTC");
        faults.heal();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<String> first = partitionsOf(failed);
        assertThat(first).hasSize(2).filteredOn(p -> p.endsWith("FAILED")).hasSize(1);
        String failedPartition = first.stream().filter(p -> p.endsWith("FAILED")).findFirst().orElseThrow().split(" ")[0];

        JobExecution restarted = Restarts.restartOnceReleased(executions, failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitionsOf(restarted)).as("only the failed partition runs again, on its first range")
                .singleElement().satisfies(p -> assertThat(p).startsWith(failedPartition + " ").endsWith(" COMPLETED"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE"
                + " 'summariseSitesPartition:%'", Integer.class, restarted.getId())).isEqualTo(1);
        assertThat(summarised(2)).containsExactly("A", "B", "C");
        assertThat(reviewFiles(restarted)).isEqualTo(uninterrupted);
        // The restart's progress counts the partition completed before as done: all three sites.
        var progress = executions.view(restarted.getId()).steps().stream().filter(step -> step.name().equals("summariseSitesStep"))
                .findFirst().orElseThrow().progress();
        assertThat(progress.done() + " of " + progress.total()).isEqualTo("3 of 3");
    }

    @Test
    void theSummariseStepsProgressIsThatOfItsPartitionsAndEachNamesItsWorker() throws Exception {
        summariseIn(2);
        JobExecution review = review("2026-10", 1, "UTC");

        var view = executions.view(review.getId());
        var manager = view.steps().stream().filter(step -> step.name().equals("summariseSitesStep")).findFirst().orElseThrow();
        assertThat(manager.progress().done()).isEqualTo(3);
        assertThat(manager.progress().total()).isEqualTo(3);
        assertThat(manager.worker()).isNull();
        var partitionSteps = view.steps().stream().filter(step -> step.name().startsWith("summariseSitesPartition:")).toList();
        assertThat(partitionSteps).extracting(step -> step.progress().done() + " of " + step.progress().total())
                .containsExactlyInAnyOrder("1 of 1", "2 of 2");
        // This process ran them, each on a thread of the step's own.
        assertThat(partitionSteps).allSatisfy(step -> assertThat(step.worker())
                .startsWith(ProcessHandle.current().pid() + "@").contains(" summariseSitesPartition-"));
    }
}
