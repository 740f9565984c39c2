package com.qualityreview.reporting.pdf;

import java.nio.file.Path;
import java.util.List;

import com.qualityreview.reporting.ReportFiles;
import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.system.TaskletProgress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Renders the review's PDF reports into its folder, records which scope and language each file is
 * ({@link ReportFiles}), and counts them in the job's context; "n of m reports" while it works
 * ({@link TaskletProgress}).
 */
public class RenderReportsTasklet implements Tasklet {

    /** Job-context key: how many reports were rendered. */
    public static final String RENDERED = "reports.rendered";

    private final ReviewResults results;
    private final ReportRendering rendering;
    private final ReportFiles files;
    /** Counter of the PDFs written by completed rendering steps, tagged {@code report} and {@code locale}. */
    static final String REPORTS_RENDERED = "quality.reports.rendered";

    private final Path reportsDir;
    private final TaskletProgress progress;
    private final MeterRegistry meters;

    RenderReportsTasklet(ReviewResults results, ReportRendering rendering, ReportFiles files, Path reportsDir,
            TaskletProgress progress, MeterRegistry meters) {
        this.results = results;
        this.rendering = rendering;
        this.files = files;
        this.reportsDir = reportsDir;
        this.progress = progress;
        this.meters = meters;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var run = ReviewRun.from(contribution.getStepExecution().getJobParameters());
        ReviewResult result = results.load(run.period(), run.revision()).orElseThrow();
        Path folder = run.folder(reportsDir);
        List<ReportRendering.RenderedReport> reports = rendering.render(result, folder,
                progress.of(contribution.getStepExecution(), "render " + run.periodText(), "reports"));
        // In the step's transaction: a rendering that does not complete leaves the previous record.
        files.record(run.period(), run.revision(), reports);
        contribution.getStepExecution().getJobExecution().getExecutionContext().putInt(RENDERED, reports.size());
        reports.forEach(this::countRendered);
        return RepeatStatus.FINISHED;
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
