package com.qualityreview.reporting.pdf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.system.Progress;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits {@code renderReportsStep} into render partitions: contiguous ranges of the review's
 * scopes ({@link ScopeRanges}), all languages of a scope in its range. Runs in the manager, where
 * the whole list is known, so that the check that no two reports share a file covers every scope
 * once rather than each range alone. A partition's context says its range by position in the
 * list and by its first and last scope, which the partition checks against the list it loads.
 */
class ScopeRangePartitioner implements Partitioner {

    /** Partition-context keys: the range's scopes by position in the list, from (inclusive) to (exclusive). */
    static final String FROM = "reports.partition.from";
    static final String TO = "reports.partition.to";
    /** Partition-context keys: the range's first and last scope, {@code TYPE:code}; absent for an empty range. */
    static final String FIRST = "reports.partition.first";
    static final String LAST = "reports.partition.last";
    /** Manager-context key: the reports of every range together. */
    static final String PLANNED = "reports.planned";

    private final StepExecution manager;
    private final ReportRendering rendering;
    private final Path reportsDir;

    ScopeRangePartitioner(StepExecution manager, ReportRendering rendering, Path reportsDir) {
        this.manager = manager;
        this.rendering = rendering;
        this.reportsDir = reportsDir;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        ReviewRun run = ReviewRun.from(manager.getJobParameters());
        List<ReviewResults.ScopeKey> scopes = rendering.scopesOf(run.period(), run.revision());
        List<ReportRendering.RenderedReport> reports = rendering.reportsOf(scopes, run.folder(reportsDir));
        ReportRendering.requireDistinctFiles(reports);
        manager.getExecutionContext().putInt(PLANNED, reports.size());
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (ScopeRanges.Range range : ScopeRanges.cut(scopes.size(), gridSize)) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(FROM, range.from());
            context.putInt(TO, range.to());
            if (range.size() > 0) {
                context.putString(FIRST, id(scopes.get(range.from())));
                context.putString(LAST, id(scopes.get(range.to() - 1)));
            }
            Progress.record(context, (long) range.size() * rendering.reportsPerScope(), RenderReportsTasklet.UNIT, 0);
            partitions.put(range.name(), context);
        }
        return partitions;
    }

    /** The scopes of a partition's range, out of the review's list; fails if the list is not the one the range was cut from. */
    static List<ReviewResults.ScopeKey> rangeOf(ExecutionContext partition, List<ReviewResults.ScopeKey> scopes) {
        int from = partition.getInt(FROM);
        int to = partition.getInt(TO);
        if (to > scopes.size() || from < to && (!id(scopes.get(from)).equals(partition.getString(FIRST))
                || !id(scopes.get(to - 1)).equals(partition.getString(LAST)))) {
            throw new IllegalStateException("the review's scopes changed since its render partitions were cut: scopes "
                    + from + " to " + to + " of " + scopes.size() + " were " + partition.getString(FIRST, "none")
                    + " to " + partition.getString(LAST, "none"));
        }
        return scopes.subList(from, to);
    }

    private static String id(ReviewResults.ScopeKey scope) {
        return scope.type() + ":" + scope.code();
    }
}
