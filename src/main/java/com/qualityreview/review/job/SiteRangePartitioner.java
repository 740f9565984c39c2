package com.qualityreview.review.job;

import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.SiteSummaryWriter;
import com.qualityreview.scale.Partitions;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the sites the review recorded when it first started ({@link ReviewedSites}) into contiguous
 * code ranges balanced by the period's feedback rows ({@link SiteRanges}), one per partition of the
 * summarise step, named {@code p0}, {@code p1}… (zero-padded from ten partitions on, so that they sort).
 * Each range is fixed in its partition's context when first split: on a restart Spring Batch gives a
 * partition that must run again its last context, not a new one, and keeps the number of partitions.
 */
class SiteRangePartitioner implements Partitioner {

    static final String FIRST_SITE = "review.partition.firstSite";
    static final String LAST_SITE = "review.partition.lastSite";
    static final String SITES = "review.partition.sites";
    static final String ROWS = "review.partition.rows";

    /** One grouped count over the (site_code, submitted_at) index: cheap next to summarising the rows. */
    private static final String ROWS_BY_SITE = """
            SELECT site_code, COUNT(*) AS row_count FROM feedback
            WHERE submitted_at >= ? AND submitted_at < ? GROUP BY site_code""";

    private final StepExecution manager;
    private final JdbcTemplate jdbc;

    SiteRangePartitioner(StepExecution manager, JdbcTemplate jdbc) {
        this.manager = manager;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        ReviewRun key = ReviewRun.from(manager.getJobParameters());
        ExecutionContext managerContext = manager.getExecutionContext();
        ReviewContext.version(managerContext, key); // refuses a context this release cannot read
        List<ReviewReference.Site> recorded = ReviewedSites.recorded(manager.getJobExecution().getExecutionContext(), key).orElse(null);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        if (recorded == null) {
            // Started by a release that recorded no sites: one partition, whose reader takes the active sites not summarised yet.
            partitions.put("p0", new ExecutionContext());
            return partitions;
        }
        List<String> codes = recorded.stream().map(ReviewReference.Site::code).toList();
        if (managerContext.containsKey(SiteReader.LAST_SITE)) {
            // Restarting a summarise step of the release before partitions: only the sites after its last one.
            codes = codes.subList(codes.indexOf(managerContext.getString(SiteReader.LAST_SITE)) + 1, codes.size());
        }
        List<SiteRanges.Range> ranges = SiteRanges.split(codes, rowsBySite(key), gridSize);
        if (ranges.isEmpty()) {
            // No site to summarise: one partition without sites, so that the step still runs and ends as usual.
            ExecutionContext none = new ExecutionContext();
            none.putInt(SITES, 0);
            partitions.put("p0", none);
            return partitions;
        }
        for (int i = 0; i < ranges.size(); i++) {
            SiteRanges.Range range = ranges.get(i);
            ExecutionContext context = new ExecutionContext();
            context.putString(FIRST_SITE, range.firstSite());
            context.putString(LAST_SITE, range.lastSite());
            context.putInt(SITES, range.sites());
            context.putLong(ROWS, range.rows());
            partitions.put(Partitions.name(i, ranges.size(), 1), context);
        }
        return partitions;
    }

    private Map<String, Long> rowsBySite(ReviewRun key) {
        Map<String, Long> rows = new HashMap<>();
        jdbc.query(ROWS_BY_SITE, result -> {
            rows.put(result.getString(1), result.getLong(2));
        }, SiteSummaryWriter.utc(key.current().from()), SiteSummaryWriter.utc(key.current().until()));
        return rows;
    }
}
