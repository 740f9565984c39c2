package com.qualityreview.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.qualityreview.execution.ExecutionView;
import com.qualityreview.execution.Executions;
import com.qualityreview.execution.Restarts;
import com.qualityreview.intake.Imports;
import com.qualityreview.reporting.PdfReading;
import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.SmallOrganisation;
import com.qualityreview.scale.PartitionWorker;
import com.qualityreview.system.FaultInjection;
import com.qualityreview.system.QualityProperties;
import com.qualityreview.system.WorkProgress;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * renderReportsStep split into ranges of scopes, run with {@code quality.scale.partitions} 1, 2
 * and 4 by the subclasses, on the small organisation of the review tests: the organisation,
 * regions R1 (sites A, B) and R2 (site C), so 6 scopes × 2 languages = 12 reports whatever the
 * partitions. With 4 partitions the ranges are [ORG, R1], [R2, A], [B], [C]; with 2, [ORG, R1, R2], [A, B, C].
 */
abstract class RenderPartitionsTests {

    /** The 12 reports of the small organisation: 6 scopes × (en, zh-CN), as their names are built (docs/reports.md). */
    static final List<String> REPORTS = List.of("executive.en.pdf", "executive.zh-CN.pdf", "region-R1.en.pdf", "region-R1.zh-CN.pdf",
            "region-R2.en.pdf", "region-R2.zh-CN.pdf", "site-A.en.pdf", "site-A.zh-CN.pdf", "site-B.en.pdf", "site-B.zh-CN.pdf",
            "site-C.en.pdf", "site-C.zh-CN.pdf");

    @Autowired
    Imports imports;
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
    ReportRendering rendering;
    @Autowired
    QualityProperties properties;

    @TempDir
    Path folder;

    abstract int partitions();

    @BeforeEach
    void organisation() throws Exception {
        faults.heal();
        for (String table : List.of("report_file", "review_site_rank", "review_driver", "review_trend", "review_figures", "review_rating_count",
                "review_pareto", "review_kpi", "review_mandatory", "review_compliance", "review_warning", "review_resolved_warning",
                "review_run", "work_lease", "import_day_count", "rejected_row", "import_file", "feedback", "audit_item",
                "kpi_measurement", "kpi_definition", "criterion", "site", "region")) {
            jdbc.update("DELETE FROM " + table);
        }
        SmallOrganisation.load(imports, folder);
        // The reports directory outlives a test run: a file left by an earlier run must not stand in for one not rendered.
        for (int revision : List.of(1, 2)) {
            FileSystemUtils.deleteRecursively(reviewFolder(revision));
        }
    }

    @Test
    void everyScopeIsRenderedOnceInItsPartitionAndRecordedAsWithOneRange() throws Exception {
        JobExecution review = review(1);

        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(pdfs(reviewFolder(1))).containsExactlyElementsOf(REPORTS);
        assertRecordedFiles(1);
        assertThat(review.getExecutionContext().getInt(RenderReportsTasklet.RENDERED)).isEqualTo(REPORTS.size());
        List<StepExecution> ranges = partitionsOf(review);
        assertThat(ranges).extracting(StepExecution::getStepName).containsExactlyInAnyOrderElementsOf(partitionNames());
        assertThat(ranges).allSatisfy(range -> {
            assertThat(range.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(PartitionWorker.of(range)).as("the process and thread that ran " + range.getStepName()).isNotBlank();
        });
        // Each range renders its scopes in both languages; together every report once.
        assertThat(ranges.stream().mapToInt(range -> range.getExecutionContext().getInt(RenderReportsTasklet.RENDERED)).sum())
                .isEqualTo(REPORTS.size());
        // The API's and console's progress of the step: the sum over its partitions.
        ExecutionView.Step render = executions.view(review.getId()).steps().stream()
                .filter(step -> step.name().equals("renderReportsStep")).findFirst().orElseThrow();
        assertThat(render.progress().total()).isEqualTo(REPORTS.size());
        assertThat(render.progress().done()).isEqualTo(REPORTS.size());
        assertThat(render.progress().describe()).startsWith("12 of 12 reports (100%), ");

        // The same text as the reports of the whole review rendered as one range (the time of rendering aside).
        Path oneRange = folder.resolve("one-range");
        var result = results.load(Period.parse("2026-10"), 1).orElseThrow();
        rendering.render(result, Set.copyOf(ReportRendering.scopesOf(result)), oneRange, WorkProgress.NONE);
        for (String report : List.of("executive.en.pdf", "region-R1.zh-CN.pdf", "region-R2.en.pdf", "site-B.en.pdf", "site-C.zh-CN.pdf")) {
            assertThat(withoutRenderTime(PdfReading.text(reviewFolder(1).resolve(report)))).as(report)
                    .isEqualTo(withoutRenderTime(PdfReading.text(oneRange.resolve(report))));
        }
    }

    @Test
    void aFailedPartitionIsRenderedAgainAloneOnRestartAndTheReviewEndsWithEveryFileAndRow() throws Exception {
        // The first range to record its files fails, after writing its PDFs; the others complete.
        faults.failAfter(0, "INTO report_file");
        JobExecution failed = review(2);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<StepExecution> firstRanges = partitionsOf(failed);
        assertThat(firstRanges).filteredOn(range -> range.getStatus() == BatchStatus.FAILED).hasSize(1);
        String failedRange = firstRanges.stream().filter(range -> range.getStatus() == BatchStatus.FAILED).findFirst().orElseThrow()
                .getStepName();
        assertThat(firstRanges).filteredOn(range -> range.getStatus() == BatchStatus.COMPLETED).hasSize(partitions() - 1);

        JobExecution restarted = Restarts.restartOnceReleased(executions, failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitionsOf(restarted)).extracting(StepExecution::getStepName, StepExecution::getStatus)
                .as("only the failed range runs again").containsExactly(tuple(failedRange, BatchStatus.COMPLETED));
        assertThat(pdfs(reviewFolder(2))).containsExactlyElementsOf(REPORTS);
        assertRecordedFiles(2);
        assertThat(restarted.getExecutionContext().getInt(RenderReportsTasklet.RENDERED)).as("every report of the review")
                .isEqualTo(REPORTS.size());
    }

    private JobExecution review(int revision) throws Exception {
        return jobOperator.start(qualityReviewJob, new JobParametersBuilder().addString("period", "2026-10")
                .addLong("revision", (long) revision).addLong("run.id", System.nanoTime())
                .addString("zone", "UTC", false).toJobParameters());
    }

    private List<String> partitionNames() {
        return ScopeRanges.cut(6, partitions()).stream().map(range -> "renderReportsPartition:" + range.name()).toList();
    }

    private static List<StepExecution> partitionsOf(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().startsWith("renderReportsPartition:")).toList();
    }

    /** Every report's row: its file, scope and language, as one range records them. */
    private void assertRecordedFiles(int revision) {
        assertThat(jdbc.query("SELECT file_name, scope_type, scope_code, locale FROM report_file WHERE period = '2026-10' AND revision = ?"
                + " ORDER BY file_name", (row, n) -> tuple(row.getString(1), row.getString(2), row.getString(3), row.getString(4)), revision))
                .containsExactly(
                        tuple("executive.en.pdf", "ORG", "ORG", "en"), tuple("executive.zh-CN.pdf", "ORG", "ORG", "zh-CN"),
                        tuple("region-R1.en.pdf", "REGION", "R1", "en"), tuple("region-R1.zh-CN.pdf", "REGION", "R1", "zh-CN"),
                        tuple("region-R2.en.pdf", "REGION", "R2", "en"), tuple("region-R2.zh-CN.pdf", "REGION", "R2", "zh-CN"),
                        tuple("site-A.en.pdf", "SITE", "A", "en"), tuple("site-A.zh-CN.pdf", "SITE", "A", "zh-CN"),
                        tuple("site-B.en.pdf", "SITE", "B", "en"), tuple("site-B.zh-CN.pdf", "SITE", "B", "zh-CN"),
                        tuple("site-C.en.pdf", "SITE", "C", "en"), tuple("site-C.zh-CN.pdf", "SITE", "C", "zh-CN"));
    }

    private Path reviewFolder(int revision) {
        return ReviewRun.folder(properties.reportsDir(), Period.parse("2026-10"), revision);
    }

    private static List<String> pdfs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pdf")).sorted().toList();
        }
    }

    /** The time of rendering, to the second, is the one part two renders of a report may differ in. */
    private static String withoutRenderTime(String text) {
        return text.replaceAll("\\d{1,2}:\\d{2}:\\d{2}", "<time>");
    }
}
