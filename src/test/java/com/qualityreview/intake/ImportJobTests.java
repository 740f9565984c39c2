package com.qualityreview.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.qualityreview.execution.Executions;
import com.qualityreview.intake.job.RejectsFile;
import com.qualityreview.system.FaultInjection;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import com.qualityreview.execution.Restarts;

/**
 * The import job against a real database: every rule of SPEC section 2, re-imports, and restarts
 * after a failure part way. Run on HSQLDB and on PostgreSQL by the two subclasses.
 */
abstract class ImportJobTests {

    static final String SITES = """
            site_code,name,region_code,region_name,active
            S001,Shanghai Pudong 浦东,R-EAST,East,true
            S002,"Beijing, Chaoyang",R-NORTH,North,
            S003,Tianjin,R-NORTH,North,false
            """;
    static final String CRITERIA = """
            criterion_code,name,dimension,points,mandatory_from_star
            C-CLEAN,Clean premises,TANGIBLES,3,0
            C-SAFE,Safety check,ASSURANCE,5,2
            """;
    static final String KPI_DEFINITIONS = """
            kpi_code,name,unit,direction,target,aggregation
            K-WAIT,Waiting time,min,LOWER_BETTER,5.5,MEAN
            K-SALES,Sales,CNY,HIGHER_BETTER,1000,SUM
            """;
    static final String FEEDBACK_HEADER = "feedback_id,site_code,submitted_at,channel,csat,nps,reliability,responsiveness,"
            + "assurance,empathy,tangibles,complaint,category,first_contact_resolved,resolution_hours,comment\n";

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job importJob;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Executions executions;
    @Autowired
    FaultInjection faults;

    @TempDir
    Path folder;

    @BeforeEach
    void emptyDatabase() {
        faults.heal();
        for (String table : List.of("import_day_count", "rejected_row", "import_file", "feedback", "audit_item", "kpi_measurement",
                "kpi_definition", "criterion", "site", "region")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    JobExecution run(ImportKind kind, Path file) throws Exception {
        return jobOperator.start(importJob, new ImportRequest(kind, file).toJobParameters());
    }

    JobExecution importText(ImportKind kind, String name, String content) throws Exception {
        JobExecution execution = run(kind, write(name, content));
        assertThat(execution.getStatus()).as(ImportOutcome.failureMessage(execution)).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    void importReferenceData() throws Exception {
        importText(ImportKind.SITES, "sites.csv", SITES);
        importText(ImportKind.CRITERIA, "criteria.csv", CRITERIA);
        importText(ImportKind.KPI_DEFINITIONS, "kpi-definitions.csv", KPI_DEFINITIONS);
    }

    ImportCounts counts(JobExecution execution) {
        return ImportOutcome.countsOf(execution).orElseThrow();
    }

    /** line, column, reason of every rejected row, in line order. */
    List<Map<String, Object>> rejects() {
        return jdbc.queryForList("SELECT line_number, column_name, reason FROM rejected_row ORDER BY line_number");
    }

    List<String> feedbackIds() {
        return jdbc.queryForList("SELECT feedback_id FROM feedback ORDER BY feedback_id", String.class);
    }

    static String feedback(String id, String site, String rest) {
        return id + "," + site + "," + rest + "\n";
    }

    static final String GOOD = "2026-10-01T09:00:00+08:00,SURVEY,5,9,4,4,5,5,4,false,,true,1.5,fine";

    // --- header and file rules -----------------------------------------------------------------

    @Test
    void headersMatchCaseInsensitivelyInAnyOrderAfterAByteOrderMark() throws Exception {
        JobExecution execution = importText(ImportKind.SITES, "sites.csv",
                "\uFEFFREGION_NAME,Site_Code,Region_Code,NAME\nEast,S001,R-EAST,Pudong\n");

        assertThat(counts(execution)).isEqualTo(new ImportCounts(1, 1, 0));
        assertThat(jdbc.queryForMap("SELECT site_code, name, region_code, active FROM site"))
                .containsEntry("SITE_CODE", "S001").containsEntry("NAME", "Pudong")
                .containsEntry("REGION_CODE", "R-EAST").containsEntry("ACTIVE", true);
        assertThat(jdbc.queryForObject("SELECT name FROM region WHERE region_code = 'R-EAST'", String.class)).isEqualTo("East");
    }

    @Test
    void aMissingRequiredColumnFailsTheWholeFileAndStoresNothing() throws Exception {
        JobExecution execution = run(ImportKind.SITES, write("sites.csv", "site_code,name,region_code\nS001,A,R1\n"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ImportOutcome.failureMessage(execution))
                .startsWith("sites.csv: line 1 (header)").contains("missing required column(s) region_name");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM site", Integer.class)).isZero();
    }

    @Test
    void anUnknownColumnFailsTheWholeFileNamingIt() throws Exception {
        JobExecution execution = run(ImportKind.SITES, write("sites.csv",
                "site_code,name,region_code,region_name,manager,Colour\nS001,A,R1,Region,Ann,red\n"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ImportOutcome.failureMessage(execution)).contains("unknown column(s) colour, manager");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM site", Integer.class)).isZero();
    }

    @Test
    void anEmptyFileFails() throws Exception {
        JobExecution execution = run(ImportKind.FEEDBACK, write("feedback.csv", ""));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ImportOutcome.failureMessage(execution)).isEqualTo("feedback.csv: the file is empty (no header row)");
    }

    @Test
    void aFileThatIsNotUtf8FailsAndStoresNothingEvenWhenTheBadBytesComeLate() throws Exception {
        importReferenceData();
        StringBuilder content = new StringBuilder(FEEDBACK_HEADER);
        for (int i = 0; i < 5000; i++) {
            content.append(feedback("F" + i, "S001", GOOD));
        }
        byte[] good = content.toString().getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "F9999,S001,2026-10-01T09:00:00Z,SURVEY,5,9,,,,,,false,,,,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = folder.resolve("feedback.csv");
        Files.write(file, good);
        Files.write(file, latin1, StandardOpenOption.APPEND);

        JobExecution execution = run(ImportKind.FEEDBACK, file);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ImportOutcome.failureMessage(execution)).isEqualTo("feedback.csv: line 5002: the file is not UTF-8 text"
                + " (byte 0xE9 at offset " + (good.length + latin1.length - 2) + ")");
        assertThat(feedbackIds()).isEmpty();
    }

    @Test
    void aSemicolonSeparatedFileFailsWithAMessageNamingTheSeparator() throws Exception {
        JobExecution semicolons = run(ImportKind.SITES, write("sites.csv", "site_code;name;region_code;region_name\nS001;A;R1;East\n"));
        JobExecution tabs = run(ImportKind.SITES, write("sites-tabs.csv", "Site_Code\tName\tRegion_Code\tRegion_Name\nS001\tA\tR1\tEast\n"));

        assertThat(semicolons.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ImportOutcome.failureMessage(semicolons)).startsWith("sites.csv: line 1 (header) is not a valid sites header:")
                .contains("the header is separated by ';' (semicolons), but input files must be separated by commas");
        assertThat(ImportOutcome.failureMessage(tabs))
                .contains("the header is separated by tabs, but input files must be separated by commas");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM site", Integer.class)).isZero();
    }

    @Test
    void crlfLineEndsImportLikeLfAndKeepTheLineNumbers() throws Exception {
        importReferenceData();
        String content = (FEEDBACK_HEADER
                + feedback("F1", "S001", GOOD)
                + feedback("F2", "S001", GOOD.replace(",fine", ",\"two\nlines\""))
                + feedback("B1", "S001", GOOD.replace("SURVEY,5", "SURVEY,9"))).replace("\n", "\r\n");

        JobExecution execution = importText(ImportKind.FEEDBACK, "feedback.csv", content);

        assertThat(counts(execution)).isEqualTo(new ImportCounts(3, 2, 1));
        assertThat(jdbc.queryForList("SELECT comment FROM feedback ORDER BY feedback_id", String.class))
                .containsExactly("fine", "two\r\nlines");
        assertThat(rejects()).extracting(r -> r.get("LINE_NUMBER"), r -> r.get("REASON"))
                .containsExactly(tuple(5L, "csat: 9 is out of range (1 to 5)"));
    }

    /** Appends rows to the file until stopped, as a writer that has not finished would. */
    @Test
    void aFileThatIsStillBeingWrittenFailsAndStoresNothing() throws Exception {
        importReferenceData();
        Path file = write("feedback.csv", manyFeedbackRows(20_000, 7));
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    Files.writeString(file, feedback("G" + i, "S001", GOOD), StandardOpenOption.APPEND);
                    Thread.sleep(1);
                }
                catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        writer.start();
        JobExecution execution;
        try {
            execution = run(ImportKind.FEEDBACK, file);
        }
        finally {
            stop.set(true);
            writer.join();
        }

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ImportOutcome.failureMessage(execution)).isEqualTo(
                "feedback.csv: the file changed while it was being read (is it still being written?); import it once it is complete");
        assertThat(feedbackIds()).isEmpty();
    }

    @Test
    void brokenQuotingIsNotCsvAndFailsTheFile() throws Exception {
        JobExecution execution = run(ImportKind.SITES, write("sites.csv",
                "site_code,name,region_code,region_name\nS001,\"Pudong\"x,R1,East\n"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ImportOutcome.failureMessage(execution)).isEqualTo(
                "sites.csv: not valid CSV: Unexpected character after closing quote: 'x' (0x78) (record starting at line 2)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM site", Integer.class)).isZero();
    }

    @Test
    void aHeaderOnlyFileImportsNothingAndSucceeds() throws Exception {
        JobExecution execution = importText(ImportKind.FEEDBACK, "feedback.csv", FEEDBACK_HEADER);

        assertThat(counts(execution)).isEqualTo(new ImportCounts(0, 0, 0));
    }

    // --- row rules -------------------------------------------------------------------------------

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndLaterLineNumbersStayRight() throws Exception {
        importReferenceData();
        String content = FEEDBACK_HEADER
                + "F1,S001,2026-10-01T09:00:00+08:00,APP,5,,,,,,,false,,,,\"Great, \"\"fast\"\"\r\nservice\n服务很好 👍\"\n"
                + "F2,S001,2026-10-01T09:00:00Z,APP,9,,,,,,,false,,,,\n";

        JobExecution execution = importText(ImportKind.FEEDBACK, "feedback.csv", content);

        assertThat(counts(execution)).isEqualTo(new ImportCounts(2, 1, 1));
        assertThat(jdbc.queryForObject("SELECT comment FROM feedback WHERE feedback_id = 'F1'", String.class))
                .isEqualTo("Great, \"fast\"\r\nservice\n服务很好 👍");
        assertThat(rejects()).extracting(r -> r.get("LINE_NUMBER"), r -> r.get("COLUMN_NAME"))
                .containsExactly(tuple(5L, "csat"));
    }

    @Test
    void everyValueRuleRejectsItsRowWithAReasonAndKeepsTheGoodRowsAround() throws Exception {
        importReferenceData();
        String content = FEEDBACK_HEADER
                + feedback("OK1", "S001", GOOD)                                                                  // line 2
                + feedback("B3", "S001", "2026-10-01T09:00:00+08:00,SURVEY,6,9,,,,,,false,,,,")                 // csat out of range
                + feedback("B4", "S001", "2026-10-01T09:00:00+08:00,SURVEY,5,11,,,,,,false,,,,")                // nps out of range
                + feedback("B5", "S001", "2026-10-01T09:00:00+08:00,SURVEY,five,,,,,,,false,,,,")               // not a number
                + feedback("B6", "S001", "2026-10-01T09:00:00,SURVEY,5,,,,,,,false,,,,")                        // no offset
                + feedback("B7", "S001", "2026-10-01T09:00:00Z,FAX,5,,,,,,,false,,,,")                          // unknown channel
                + feedback("B8", "S001", "2026-10-01T09:00:00Z,SURVEY,5,,,,,,,maybe,,,,")                       // bad boolean
                + feedback("B9", "S001", "2026-10-01T09:00:00Z,SURVEY,5,,,,,,,true,,,,")                        // complaint without category
                + feedback("B10", "S001", "2026-10-01T09:00:00Z,SURVEY,5,,,,,,,false,,,-1,")                    // negative hours
                + feedback("B11", "S999", "2026-10-01T09:00:00Z,SURVEY,5,,,,,,,false,,,,")                      // unknown site
                + feedback("", "S001", "2026-10-01T09:00:00Z,SURVEY,5,,,,,,,false,,,,")                         // missing id
                + feedback("B13", "S001", "2026-10-01T09:00:00Z,SURVEY,5,,,,0,,,false,,,,")                     // servqual 0
                + feedback("B14", "S001", "2026-10-01T09:00:00Z,SURVEY,5,,,,,,,false,,,1.1234567,")             // 7 decimals
                + "B15,S001,2026-10-01T09:00:00Z,SURVEY\n"                                                      // too few fields
                + feedback("OK2", "S002", "2026-10-02T10:00:00-05:00,phone,1,0,1,2,3,4,5,TRUE,late delivery,False,12.25,")
                + feedback("OK3", "S003", "2026-10-03T00:00:00Z,IN_PERSON,,,,,,,,false,,,,");               // all optional empty

        JobExecution execution = importText(ImportKind.FEEDBACK, "feedback.csv", content);

        assertThat(counts(execution)).isEqualTo(new ImportCounts(16, 3, 13));
        assertThat(feedbackIds()).containsExactly("OK1", "OK2", "OK3");
        assertThat(rejects()).extracting(r -> r.get("LINE_NUMBER"), r -> r.get("COLUMN_NAME"), r -> r.get("REASON"))
                .containsExactly(
                        tuple(3L, "csat", "csat: 6 is out of range (1 to 5)"),
                        tuple(4L, "nps", "nps: 11 is out of range (0 to 10)"),
                        tuple(5L, "csat", "csat: 'five' is not a whole number (1 to 5)"),
                        tuple(6L, "submitted_at", "submitted_at: '2026-10-01T09:00:00' is not a date-time with offset like 2026-10-31T09:15:00+08:00"),
                        tuple(7L, "channel", "channel: 'FAX' is not one of SURVEY, PHONE, EMAIL, APP, WEB, IN_PERSON"),
                        tuple(8L, "complaint", "complaint: 'maybe' is not true or false"),
                        tuple(9L, "category", "category: is required when complaint is true"),
                        tuple(10L, "resolution_hours", "resolution_hours: -1 is below the minimum 0"),
                        tuple(11L, "site_code", "site_code: 'S999' is not a known site (import the reference data first)"),
                        tuple(12L, "feedback_id", "feedback_id: is required"),
                        tuple(13L, "assurance", "assurance: 0 is out of range (1 to 5)"),
                        tuple(14L, "resolution_hours", "resolution_hours: '1.1234567' has more than 6 decimal places"),
                        tuple(15L, null, "row has 4 fields but the header has 16"));

        Map<String, Object> ok2 = jdbc.queryForMap("SELECT * FROM feedback WHERE feedback_id = 'OK2'");
        assertThat(ok2).containsEntry("CHANNEL", "PHONE").containsEntry("CSAT", 1).containsEntry("NPS", 0)
                .containsEntry("TANGIBLES", 5).containsEntry("COMPLAINT", true).containsEntry("CATEGORY", "LATE DELIVERY")
                .containsEntry("FIRST_CONTACT_RESOLVED", false);
        assertThat((BigDecimal) ok2.get("RESOLUTION_HOURS")).isEqualByComparingTo("12.25");
        assertThat(jdbc.queryForObject("SELECT submitted_at FROM feedback WHERE feedback_id = 'OK2'", OffsetDateTime.class)
                .toInstant()).isEqualTo(OffsetDateTime.of(2026, 10, 2, 15, 0, 0, 0, ZoneOffset.UTC).toInstant());
        Map<String, Object> ok3 = jdbc.queryForMap("SELECT * FROM feedback WHERE feedback_id = 'OK3'");
        assertThat(ok3).containsEntry("CSAT", null).containsEntry("NPS", null).containsEntry("RELIABILITY", null)
                .containsEntry("CATEGORY", null).containsEntry("FIRST_CONTACT_RESOLVED", null)
                .containsEntry("RESOLUTION_HOURS", null).containsEntry("COMMENT", null);
    }

    @Test
    void aRowWithSeveralProblemsGivesEveryReason() throws Exception {
        importReferenceData();
        importText(ImportKind.FEEDBACK, "feedback.csv", FEEDBACK_HEADER
                + feedback("B1", "S404", "yesterday,SURVEY,9,,,,,,,false,,,,"));

        assertThat(rejects()).extracting(r -> r.get("COLUMN_NAME"), r -> r.get("REASON")).containsExactly(tuple("submitted_at",
                "submitted_at: 'yesterday' is not a date-time with offset like 2026-10-31T09:15:00+08:00; "
                        + "csat: 9 is out of range (1 to 5); site_code: 'S404' is not a known site (import the reference data first)"));
    }

    @Test
    void lengthLimitsRejectRatherThanTruncate() throws Exception {
        importReferenceData();
        String longComment = "好".repeat(4001);
        String fullComment = "服".repeat(3999) + "👍";
        String content = FEEDBACK_HEADER
                + feedback("X".repeat(65), "S001", GOOD)
                + feedback("F-LONG-COMMENT", "S001", GOOD.replace(",fine", "," + longComment))
                + feedback("F-FULL-COMMENT", "S001", GOOD.replace(",fine", "," + fullComment))
                + feedback("F-HUGE-ROW", "S001", GOOD.replace(",fine", ",\"" + "x".repeat(70_000) + "\""));

        JobExecution execution = importText(ImportKind.FEEDBACK, "feedback.csv", content);

        assertThat(counts(execution)).isEqualTo(new ImportCounts(4, 1, 3));
        assertThat(jdbc.queryForObject("SELECT comment FROM feedback WHERE feedback_id = 'F-FULL-COMMENT'", String.class))
                .isEqualTo(fullComment);
        assertThat(rejects()).extracting(r -> r.get("LINE_NUMBER"), r -> r.get("REASON")).containsExactly(
                tuple(2L, "feedback_id: is 65 characters long; at most 64 are allowed"),
                tuple(3L, "comment: is 4001 characters long; at most 4000 are allowed"),
                tuple(5L, "row is " + (70_000 + "F-HUGE-ROW,S001,".length() + GOOD.length() - "fine".length())
                        + " bytes long; at most 65536 are allowed"));
    }

    @Test
    void auditAndKpiRowsMustReferToKnownCriteriaAndKpis() throws Exception {
        importReferenceData();
        JobExecution audits = importText(ImportKind.AUDITS, "audits.csv", """
                audit_id,site_code,audited_on,audit_type,auditor,criterion_code,result
                A1,S001,2026-10-05,MYSTERY_SHOPPER,Ann,C-CLEAN,pass
                A1,S001,2026-10-05,MYSTERY_SHOPPER,Ann,C-NOPE,FAIL
                A1,S001,2026-10-05,MYSTERY_SHOPPER,Ann,C-SAFE,MAYBE
                A2,S002,05/10/2026,INTERNAL,Bob,C-SAFE,NA
                A3,S002,2026-10-06,INTERNAL,Bob,C-SAFE,FAIL
                """);
        JobExecution kpis = importText(ImportKind.KPIS, "kpis.csv", """
                site_code,kpi_code,measured_on,value
                S001,K-WAIT,2026-10-01,4.25
                S001,K-NOPE,2026-10-01,1
                S002,K-SALES,2026-10-01,-12.5
                S002,K-SALES,2026-10-02,12,5
                """);

        assertThat(counts(audits)).isEqualTo(new ImportCounts(5, 2, 3));
        assertThat(counts(kpis)).isEqualTo(new ImportCounts(4, 2, 2));
        assertThat(jdbc.queryForList("SELECT audit_id || '/' || criterion_code || '/' || result FROM audit_item ORDER BY 1", String.class))
                .containsExactly("A1/C-CLEAN/PASS", "A3/C-SAFE/FAIL");
        assertThat(jdbc.queryForList("SELECT reason FROM rejected_row WHERE kind = 'audits' ORDER BY line_number", String.class))
                .containsExactly("criterion_code: 'C-NOPE' is not a known criterion (import the reference data first)",
                        "result: 'MAYBE' is not one of PASS, FAIL, NA",
                        "audited_on: '05/10/2026' is not a date like 2026-10-31");
        assertThat(jdbc.queryForList("SELECT reason FROM rejected_row WHERE kind = 'kpis' ORDER BY line_number", String.class))
                .containsExactly("kpi_code: 'K-NOPE' is not a known KPI (import the reference data first)",
                        "row has 5 fields but the header has 4");
        assertThat(jdbc.queryForObject("SELECT measured_value FROM kpi_measurement WHERE kpi_code = 'K-SALES'", BigDecimal.class))
                .isEqualByComparingTo("-12.5");
    }

    @Test
    void referenceDataRulesForCriteriaAndKpiDefinitions() throws Exception {
        JobExecution criteria = importText(ImportKind.CRITERIA, "criteria.csv", """
                criterion_code,name,dimension,points,mandatory_from_star
                C1,Clean,tangibles,1,0
                C2,Zero points,TANGIBLES,0,0
                C3,Star six,EMPATHY,2,6
                C4,No dimension,COURTESY,2,1
                C5,Fine,RELIABILITY,10,5
                """);
        JobExecution kpis = importText(ImportKind.KPI_DEFINITIONS, "kpi-definitions.csv", """
                kpi_code,name,unit,direction,target,aggregation
                K1,Wait,min,LOWER_BETTER,5,LAST
                K2,Bad,min,SIDEWAYS,5,MEAN
                K3,Bad,min,LOWER_BETTER,five,MEAN
                K4,Bad,min,LOWER_BETTER,5,MEDIAN
                """);

        assertThat(counts(criteria)).isEqualTo(new ImportCounts(5, 2, 3));
        assertThat(jdbc.queryForList("SELECT criterion_code || ':' || dimension FROM criterion ORDER BY 1", String.class))
                .containsExactly("C1:TANGIBLES", "C5:RELIABILITY");
        assertThat(jdbc.queryForList("SELECT reason FROM rejected_row WHERE kind = 'criteria' ORDER BY line_number", String.class))
                .containsExactly("points: 0 is out of range (at least 1)", "mandatory_from_star: 6 is out of range (0 to 5)",
                        "dimension: 'COURTESY' is not one of RELIABILITY, RESPONSIVENESS, ASSURANCE, EMPATHY, TANGIBLES");
        assertThat(counts(kpis)).isEqualTo(new ImportCounts(4, 1, 3));
        assertThat(jdbc.queryForList("SELECT reason FROM rejected_row WHERE kind = 'kpi-definitions' ORDER BY line_number", String.class))
                .containsExactly("direction: 'SIDEWAYS' is not one of HIGHER_BETTER, LOWER_BETTER",
                        "target: 'five' is not a decimal number", "aggregation: 'MEDIAN' is not one of MEAN, SUM, MIN, MAX, LAST");
    }

    /** day (null: undated), written, rejected of every row of import_day_count, days in order, undated last. */
    List<List<Object>> dayCounts() {
        return jdbc.queryForList("SELECT row_date, written_count, rejected_count FROM import_day_count"
                + " ORDER BY CASE WHEN row_date IS NULL THEN 1 ELSE 0 END, row_date").stream()
                .map(row -> Arrays.<Object>asList(row.get("ROW_DATE") == null ? null : LocalDate.parse(row.get("ROW_DATE").toString()),
                        ((Number) row.get("WRITTEN_COUNT")).longValue(), ((Number) row.get("REJECTED_COUNT")).longValue()))
                .toList();
    }

    @Test
    void eachRowIsCountedOnItsDayInTheZoneAndARejectWithoutAReadableDateAsUndated() throws Exception {
        importReferenceData();
        jdbc.update("DELETE FROM import_day_count");
        JobExecution execution = importText(ImportKind.FEEDBACK, "feedback.csv", FEEDBACK_HEADER
                + feedback("F1", "S001", GOOD)                                                   // 2026-10-01 01:00 UTC
                + feedback("F2", "S001", GOOD.replace("2026-10-01T09:00:00+08:00", "2026-09-30T23:30:00-02:00")) // Oct 1 in UTC
                + feedback("F3", "S002", GOOD.replace("2026-10-01T09:00:00+08:00", "2026-11-05T10:00:00Z"))
                + feedback("F4", "S404", GOOD.replace("2026-10-01T09:00:00+08:00", "2026-11-05T12:00:00Z")) // unknown site: dated reject
                + feedback("F5", "S001", GOOD.replace("2026-10-01T09:00:00+08:00", "2026-11-31T10:00:00Z")) // no such day: undated
                + "F6,S001,2026-11-05T12:00:00Z\n");                                            // too few fields: undated

        assertThat(counts(execution)).isEqualTo(new ImportCounts(6, 3, 3));
        assertThat(dayCounts()).containsExactly(
                Arrays.asList(LocalDate.of(2026, 10, 1), 2L, 0L),
                Arrays.asList(LocalDate.of(2026, 11, 5), 1L, 1L),
                Arrays.asList(null, 0L, 2L));
    }

    @Test
    void referenceDataRowsAreCountedUndated() throws Exception {
        importText(ImportKind.SITES, "sites.csv", SITES + "S004,No region,,,true\n");

        assertThat(dayCounts()).containsExactly(Arrays.asList(null, 3L, 1L));
    }

    @Test
    void theRejectsFileNamesFileLineColumnAndReasonAndKeepsTheRecord() throws Exception {
        importReferenceData();
        Path input = write("feedback-october.csv", FEEDBACK_HEADER
                + feedback("OK1", "S001", GOOD)
                + feedback("B1", "S001", "2026-10-01T09:00:00Z,SURVEY,0,,,,,,,false,,,,\"said \"\"no\"\", twice\""));

        JobExecution execution = run(ImportKind.FEEDBACK, input);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readString(folder.resolve("feedback-october.csv.rejects.csv"))).isEqualTo(
                "file,line,column,reason,record\r\n"
                + "feedback-october.csv,3,csat,csat: 0 is out of range (1 to 5),"
                + "\"B1,S001,2026-10-01T09:00:00Z,SURVEY,0,,,,,,,false,,,,\"\"said \"\"\"\"no\"\"\"\", twice\"\"\"\r\n");
    }

    // --- input that is a row reject, never a failed import ------------------------------------------

    @Test
    void aNulOrOtherControlCharacterInAFieldRejectsItsRowInsteadOfFailingTheImport() throws Exception {
        importReferenceData();
        StringBuilder content = new StringBuilder(FEEDBACK_HEADER);
        for (int i = 1; i <= 5000; i++) {
            String id = String.format("F%05d", i);
            content.append(switch (i) {
                case 100 -> feedback(id + "\u001F", "S001", GOOD);                                  // stripping would hide it
                case 200 -> feedback(id, "S001", GOOD.replace("false,,true", "true,\u001B[31mRED,true"));
                case 300 -> feedback(id, "S001", GOOD.replace(",fine", ",\"tab\there\r\n\\.\nend\""));  // two line breaks
                case 4500 -> feedback(id, "S001", GOOD.replace(",fine", ",bad\0byte"));
                default -> feedback(id, "S00" + (1 + i % 3), GOOD);
            });
        }
        Path file = write("feedback.csv", content.toString());

        JobExecution execution = run(ImportKind.FEEDBACK, file);

        assertThat(execution.getStatus()).as(ImportOutcome.failureMessage(execution)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts(execution)).isEqualTo(new ImportCounts(5000, 4997, 3));
        assertThat(rejects()).extracting(r -> r.get("LINE_NUMBER"), r -> r.get("COLUMN_NAME"), r -> r.get("REASON")).containsExactly(
                tuple(101L, "feedback_id", "feedback_id: contains the control character U+001F at character 7"
                        + " (only tab and line breaks are allowed)"),
                tuple(201L, "category", "category: contains the control character U+001B at character 1"
                        + " (only tab and line breaks are allowed)"),
                tuple(4503L, "comment", "comment: contains the control character U+0000 at character 4"
                        + " (only tab and line breaks are allowed)"));
        assertThat(jdbc.queryForObject("SELECT comment FROM feedback WHERE feedback_id = 'F00300'", String.class))
                .isEqualTo("tab\there\r\n\\.\nend");
        assertThat(Files.readString(RejectsFile.pathFor(file))).contains("F04500,S001,").contains(",bad\u2400byte\"\r\n")
                .doesNotContain("\0");
    }

    @Test
    void datesAndDateTimesOutsideTheYears1583To9999AreRejectedNotStored() throws Exception {
        importReferenceData();
        String rest = GOOD.substring(GOOD.indexOf(','));
        JobExecution feedback = importText(ImportKind.FEEDBACK, "feedback.csv", FEEDBACK_HEADER
                + feedback("OK-LAST", "S001", "9999-12-31T23:59:59Z" + rest)
                + feedback("B-10000", "S001", "+10000-01-01T00:00:00Z" + rest)
                + feedback("B-UTC", "S001", "9999-12-31T23:30:00-01:00" + rest)
                + feedback("B-BC", "S001", "-0001-01-01T00:00:00Z" + rest)
                + feedback("B-JULIAN", "S001", "1582-12-31T23:59:59Z" + rest)
                + feedback("OK-FIRST", "S001", "1583-01-01T00:00:00Z" + rest));
        JobExecution audits = importText(ImportKind.AUDITS, "audits.csv", """
                audit_id,site_code,audited_on,audit_type,auditor,criterion_code,result
                A1,S001,+10000-01-01,INTERNAL,Ann,C-CLEAN,PASS
                A2,S001,0000-12-31,INTERNAL,Ann,C-CLEAN,PASS
                A3,S001,9999-12-31,INTERNAL,Ann,C-CLEAN,PASS
                """);
        JobExecution kpis = importText(ImportKind.KPIS, "kpis.csv", """
                site_code,kpi_code,measured_on,value
                S001,K-WAIT,+10000-01-01,1
                S001,K-WAIT,9999-12-31,2
                S001,K-WAIT,0001-01-01,3
                S001,K-WAIT,1583-01-01,4
                """);

        assertThat(counts(feedback)).isEqualTo(new ImportCounts(6, 2, 4));
        assertThat(counts(audits)).isEqualTo(new ImportCounts(3, 1, 2));
        assertThat(counts(kpis)).isEqualTo(new ImportCounts(4, 2, 2));
        assertThat(jdbc.queryForList("SELECT reason FROM rejected_row ORDER BY kind, line_number", String.class)).containsExactly(
                "audited_on: '+10000-01-01' is outside the years 1583 to 9999",
                "audited_on: '0000-12-31' is outside the years 1583 to 9999",
                "submitted_at: '+10000-01-01T00:00:00Z' is outside the years 1583 to 9999 (in UTC)",
                "submitted_at: '9999-12-31T23:30:00-01:00' is outside the years 1583 to 9999 (in UTC)",
                "submitted_at: '-0001-01-01T00:00:00Z' is outside the years 1583 to 9999 (in UTC)",
                "submitted_at: '1582-12-31T23:59:59Z' is outside the years 1583 to 9999 (in UTC)",
                "measured_on: '+10000-01-01' is outside the years 1583 to 9999",
                "measured_on: '0001-01-01' is outside the years 1583 to 9999");
        assertThat(feedbackIds()).containsExactly("OK-FIRST", "OK-LAST");
        assertThat(jdbc.queryForList("SELECT submitted_at FROM feedback ORDER BY submitted_at", OffsetDateTime.class))
                .extracting(OffsetDateTime::toInstant).containsExactly(
                        OffsetDateTime.of(1583, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant(),
                        OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC).toInstant());
        assertThat(jdbc.queryForList("SELECT measured_on FROM kpi_measurement ORDER BY measured_on", LocalDate.class))
                .containsExactly(LocalDate.of(1583, 1, 1), LocalDate.of(9999, 12, 31));
        assertThat(jdbc.queryForList("SELECT audited_on FROM audit_item", LocalDate.class)).containsExactly(LocalDate.of(9999, 12, 31));
    }

    @Test
    void aRowOfFiftyMegabytesIsRejectedAsOverTheLimitAndTheRowsAfterItAreImported() throws Exception {
        importReferenceData();
        Path file = folder.resolve("feedback.csv");
        String huge = "F-HUGE,S001," + GOOD.replace(",fine", ",");
        String quoted = "F-QUOTED,S001," + GOOD.replace(",fine", ",\"");
        char[] megabyte = new char[1 << 20];
        Arrays.fill(megabyte, 'x');
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(FEEDBACK_HEADER);                                           // line 1
            out.write(feedback("OK1", "S001", GOOD));                             // line 2
            out.write(huge);                                                      // line 3: 50 MiB without a quote
            for (int i = 0; i < 50; i++) {
                out.write(megabyte);
            }
            out.write("\n");
            out.write(quoted);                                                    // lines 4 to 7: line breaks after the cut
            out.write("y".repeat(300_000) + "\n\r\n\"\"\nz\"\n");
            out.write(feedback("OK2", "S002", GOOD));                             // line 8
            out.write(feedback("B9", "S001", GOOD.replace("SURVEY,5", "SURVEY,9")));    // line 9
        }

        JobExecution execution = run(ImportKind.FEEDBACK, file);

        assertThat(execution.getStatus()).as(ImportOutcome.failureMessage(execution)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts(execution)).isEqualTo(new ImportCounts(5, 2, 3));
        assertThat(feedbackIds()).containsExactly("OK1", "OK2");
        assertThat(rejects()).extracting(r -> r.get("LINE_NUMBER"), r -> r.get("COLUMN_NAME"), r -> r.get("REASON")).containsExactly(
                tuple(3L, null, "row is " + (huge.length() + 50 * (1 << 20)) + " characters long in the file;"
                        + " at most 65536 bytes are allowed"),
                tuple(4L, null, "row is " + (quoted.length() + 300_000 + 8) + " characters long in the file;"
                        + " at most 65536 bytes are allowed"),
                tuple(9L, "csat", "csat: 9 is out of range (1 to 5)"));
    }

    @Test
    void aLongValueIsShortenedInItsReasonSoThatTheRejectCanBeStored() throws Exception {
        importReferenceData();
        importText(ImportKind.FEEDBACK, "feedback.csv", FEEDBACK_HEADER
                + feedback("F1", "S001", GOOD.replace("SURVEY,5", "SURVEY," + "5".repeat(10_000)))
                + feedback("F2", "S001", GOOD.replace("SURVEY,5", "SURVEY," + "5".repeat(99) + "\uD83D\uDC4D" + "5".repeat(9_900))));

        assertThat(jdbc.queryForList("SELECT reason FROM rejected_row ORDER BY line_number", String.class)).containsExactly(
                "csat: '" + "5".repeat(100) + "…' (10000 characters) is not a whole number (1 to 5)",
                "csat: '" + "5".repeat(99) + "…' (10000 characters) is not a whole number (1 to 5)");
    }

    // --- the rejects file ----------------------------------------------------------------------------

    @Test
    void rejectsFileCellsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() throws Exception {
        importReferenceData();
        Path input = write("feedback.csv", FEEDBACK_HEADER
                + feedback("=2+5*cmd|' /C calc'!A0", "S404", GOOD)
                + feedback("@SUM(1+1)", "S001", GOOD.replace("SURVEY,5", "SURVEY,9"))
                + "-8.5\n");

        assertThat(run(ImportKind.FEEDBACK, input).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        String rest = "2026-10-01T09:00:00+08:00,SURVEY,5,9,4,4,5,5,4,false,,true,1.5,fine";
        assertThat(Files.readString(RejectsFile.pathFor(input))).isEqualTo("file,line,column,reason,record\r\n"
                + "feedback.csv,2,site_code,site_code: 'S404' is not a known site (import the reference data first),"
                + "\"'=2+5*cmd|' /C calc'!A0,S404," + rest + "\"\r\n"
                + "feedback.csv,3,csat,csat: 9 is out of range (1 to 5),\"'@SUM(1+1),S001," + rest.replace("SURVEY,5", "SURVEY,9") + "\"\r\n"
                + "feedback.csv,4,,row has 1 fields but the header has 16,-8.5\r\n");
    }

    @Test
    void aTemporaryRejectsFileOfAnotherImportIsLeftAlone() throws Exception {
        importReferenceData();
        Path input = write("feedback.csv", FEEDBACK_HEADER + feedback("B1", "S404", GOOD));
        Path other = write("feedback.csv.rejects.csv.tmp", "another import's rejects, still being written");

        assertThat(run(ImportKind.FEEDBACK, input).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(Files.readString(other)).isEqualTo("another import's rejects, still being written");
        assertThat(Files.readAllLines(RejectsFile.pathFor(input))).hasSize(2);
        assertThat(temporaryFiles()).containsExactly(other);
    }

    @Test
    void twoImportsOfTheSameFileAtOnceBothCompleteAndLeaveNoTemporaryFile() throws Exception {
        importReferenceData();
        Path input = write("feedback.csv", manyFeedbackRows(20_000, 1));   // every row rejected: a long rejects file
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<JobExecution>> imports = Stream.of(1, 2).map(i -> threads.submit(() -> {
                start.await();
                return run(ImportKind.FEEDBACK, input);
            })).toList();
            start.countDown();

            for (Future<JobExecution> execution : imports) {
                assertThat(execution.get().getStatus()).as(ImportOutcome.failureMessage(execution.get()))
                        .isEqualTo(BatchStatus.COMPLETED);
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(Files.readAllLines(RejectsFile.pathFor(input))).hasSize(1 + 20_000);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aFailureWhileWritingTheRejectsFileLeavesNoTemporaryFileAndARestartWritesIt() throws Exception {
        importReferenceData();
        Path input = write("feedback.csv", FEEDBACK_HEADER + feedback("OK1", "S001", GOOD) + feedback("B1", "S404", GOOD));
        faults.failAfter(0, "FROM rejected_row");

        JobExecution failed = run(ImportKind.FEEDBACK, input);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(temporaryFiles()).isEmpty();
        faults.heal();
        JobExecution restarted = executions.restart(failed.getId());
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readAllLines(RejectsFile.pathFor(input))).hasSize(2);
        assertThat(temporaryFiles()).isEmpty();
    }

    List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    // --- upsert ----------------------------------------------------------------------------------

    @Test
    void importingTheSameFileTwiceLeavesTheDatabaseUnchanged() throws Exception {
        importReferenceData();
        Path file = write("feedback.csv", FEEDBACK_HEADER
                + feedback("F1", "S001", GOOD) + feedback("F2", "S002", GOOD.replace("false,,true", "true,queue,false"))
                + feedback("F3", "S404", GOOD));
        assertThat(run(ImportKind.FEEDBACK, file).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM feedback ORDER BY feedback_id");
        List<Map<String, Object>> sitesBefore = jdbc.queryForList("SELECT * FROM site ORDER BY site_code");

        JobExecution again = run(ImportKind.FEEDBACK, file);
        importText(ImportKind.SITES, "sites.csv", SITES);

        assertThat(counts(again)).isEqualTo(new ImportCounts(3, 2, 1));
        assertThat(jdbc.queryForList("SELECT * FROM feedback ORDER BY feedback_id")).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT * FROM site ORDER BY site_code")).isEqualTo(sitesBefore);
    }

    @Test
    void aChangedRowReplacesTheStoredOneAndTheLastOfARepeatedKeyWins() throws Exception {
        importReferenceData();
        importText(ImportKind.FEEDBACK, "feedback.csv", FEEDBACK_HEADER + feedback("F1", "S001", GOOD) + feedback("F2", "S001", GOOD));

        importText(ImportKind.FEEDBACK, "feedback-corrected.csv", FEEDBACK_HEADER
                + feedback("F1", "S002", GOOD.replace("SURVEY,5", "EMAIL,2"))
                + feedback("F1", "S003", GOOD.replace("SURVEY,5", "EMAIL,3")));
        importText(ImportKind.SITES, "sites.csv", "site_code,name,region_code,region_name\nS001,Pudong renamed,R-WEST,West\n");

        assertThat(jdbc.queryForList("SELECT feedback_id || '/' || site_code || '/' || channel || '/' || csat FROM feedback ORDER BY 1",
                String.class)).containsExactly("F1/S003/EMAIL/3", "F2/S001/SURVEY/5");
        assertThat(jdbc.queryForMap("SELECT name, region_code, active FROM site WHERE site_code = 'S001'"))
                .containsEntry("NAME", "Pudong renamed").containsEntry("REGION_CODE", "R-WEST").containsEntry("ACTIVE", true);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM site", Integer.class)).isEqualTo(3);
    }

    // --- failure and restart -------------------------------------------------------------------------

    String manyFeedbackRows(int rows, int everyNthBad) {
        StringBuilder content = new StringBuilder(FEEDBACK_HEADER);
        for (int i = 1; i <= rows; i++) {
            content.append(feedback(String.format("F%05d", i), i % everyNthBad == 0 ? "S404" : "S00" + (1 + i % 3), GOOD));
        }
        return content.toString();
    }

    @Test
    void anImportThatFailsPartWayRestartsAndStoresEveryGoodRowExactlyOnce() throws Exception {
        importReferenceData();
        jdbc.update("DELETE FROM import_day_count");
        Path file = write("feedback.csv", manyFeedbackRows(9_000, 7)); // 2,000-row chunks: the 3rd write fails
        faults.failAfter(2, "INTO feedback");

        JobExecution failed = run(ImportKind.FEEDBACK, file);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ImportOutcome.failureMessage(failed)).contains("injected: connection lost");
        long storedBeforeRestart = jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Long.class);
        assertThat(storedBeforeRestart).isEqualTo(4000 - 4000 / 7);

        JobExecution restarted = executions.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts(restarted)).isEqualTo(new ImportCounts(9000, 9000 - 9000 / 7, 9000 / 7));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Long.class)).isEqualTo(9000 - 9000 / 7);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row", Long.class)).isEqualTo(9000 / 7);
        assertThat(Files.readAllLines(RejectsFile.pathFor(file))).hasSize(1 + 9000 / 7);
        assertThat(jdbc.queryForObject("SELECT status FROM import_file WHERE kind = 'feedback'", String.class)).isEqualTo("COMPLETED");
        // The failed chunk's day counts went with it: every row counted once (all are of 2026-10-01 in UTC).
        assertThat(dayCounts()).containsExactly(Arrays.asList(LocalDate.of(2026, 10, 1), 9000L - 9000 / 7, 9000L / 7));
    }

    @Test
    void anImportWhoseDatabaseWentAwayIsRecoveredAndRestarted() throws Exception {
        importReferenceData();
        jdbc.update("DELETE FROM import_day_count");
        Path file = write("feedback.csv", manyFeedbackRows(7_000, 5));
        faults.databaseGoesAwayAfter(1, "INTO feedback");

        long executionId;
        try {
            executionId = run(ImportKind.FEEDBACK, file).getId();
        }
        catch (Exception e) {
            faults.heal();
            executionId = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
        }
        faults.heal();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Long.class)).isEqualTo(2000 - 2000 / 5);

        JobExecution restarted = Restarts.restartOnceReleased(executions, executionId);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts(restarted)).isEqualTo(new ImportCounts(7000, 7000 - 7000 / 5, 7000 / 5));
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT feedback_id) FROM feedback", Long.class)).isEqualTo(7000 - 7000 / 5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row", Long.class)).isEqualTo(7000 / 5);
        assertThat(dayCounts()).containsExactly(Arrays.asList(LocalDate.of(2026, 10, 1), 7000L - 7000 / 5, 7000L / 5));
    }
}
