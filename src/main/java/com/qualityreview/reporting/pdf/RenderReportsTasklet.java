package com.qualityreview.reporting.pdf;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.qualityreview.reporting.ReportFiles;
import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.system.TaskletProgress;
import com.qualityreview.system.WorkProgress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A render partition ({@code renderReportsPartition}): renders the PDF reports of its range of the
 * review's scopes ({@link ScopeRangePartitioner}) into the review's folder, records which scope
 * and language each file is ({@link ReportFiles}) for its scopes only, and counts them in its
 * context; "n of m reports" while it works ({@link TaskletProgress}).
 */
public class RenderReportsTasklet implements Tasklet {

    /** Job-context key: how many reports were rendered (all partitions); partition-context key: how many it rendered. */
    public static final String RENDERED = "reports.rendered";
    static final String UNIT = "reports";

    private final LoadedReviewResults results;
    private final ReportRendering rendering;
    private final ReportFiles files;
    private final TransactionTemplate recording;
    /** Counter of the PDFs written by completed rendering steps, tagged {@code report} and {@code locale}. */
    static final String REPORTS_RENDERED = "quality.reports.rendered";

    private final Path reportsDir;
    private final TaskletProgress progress;
    private final MeterRegistry meters;

    RenderReportsTasklet(ReviewResults results, ReportRendering rendering, ReportFiles files, TransactionTemplate recording,
            Path reportsDir, TaskletProgress progress, MeterRegistry meters) {
        this.results = new LoadedReviewResults(results::load);
        this.rendering = rendering;
        this.files = files;
        this.recording = recording;
        this.reportsDir = reportsDir;
        this.progress = progress;
        this.meters = meters;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution partition = contribution.getStepExecution();
        var run = ReviewRun.from(partition.getJobParameters());
        WorkProgress work = progress.of(partition, "render " + run.periodText() + " " + partitionName(partition), UNIT);
        ExecutionContext range = partition.getExecutionContext();
        if (range.getInt(ScopeRangePartitioner.TO) == range.getInt(ScopeRangePartitioner.FROM)) {
            // More partitions than scopes: nothing to render, nothing to record.
            work.started(0, 0);
            range.putInt(RENDERED, 0);
            return RepeatStatus.FINISHED;
        }
        // The whole result, for the whole range (the organisation's and the regions' reports need all of it), and one
        // copy for all the partitions this process runs at once.
        ReviewResult result = results.acquire(run.period(), run.revision());
        List<ReviewResults.ScopeKey> scopes;
        List<ReportRendering.RenderedReport> reports;
        try {
            scopes = ScopeRangePartitioner.rangeOf(range, ReportRendering.scopesOf(result));
            reports = rendering.render(result, Set.copyOf(scopes), run.folder(reportsDir), work);
        }
        finally {
            results.release(run.period(), run.revision());
        }
        // Once every report of the range is written, all its rows at once: a range that does not complete leaves
        // the previous record of its scopes; one whose step ends after this commit records the same rows when re-run.
        recording.executeWithoutResult(status -> files.record(run.period(), run.revision(), scopes, reports));
        range.putInt(RENDERED, reports.size());
        reports.forEach(this::countRendered);
        return RepeatStatus.FINISHED;
    }

    /** {@code p01} of the step execution {@code renderReportsPartition:p01}. */
    private static String partitionName(StepExecution partition) {
        String name = partition.getStepName();
        return name.substring(name.indexOf(':') + 1);
    }

    private void countRendered(ReportRendering.RenderedReport report) {
        String type = switch (report.scopeType()) {
            case "ORG" -> "executive";
            case "REGION" -> "region";
            case "SITE" -> "site";
            default -> throw new IllegalArgumentException("unknown scope type " + report.scopeType());
        };
        Counter.builder(REPORTS_RENDERED).description("PDF reports written by completed rendering steps")
                .tag("report", type).tag("locale", report.locale().toLanguageTag()).register(meters).increment();
    }
}
