package com.qualityreview.review.job;

import com.qualityreview.review.ReviewRun;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sites of a partition of the review ({@link SiteRangePartitioner}), in code order: those recorded when it first started ({@link ReviewedSites}).
 * Each commit saves the code of the last site read, and a restart resumes after that site, not after
 * a position, so a site added or deactivated in between cannot shift the chunks: every site is
 * summarised exactly once.
 */
class SiteReader implements ItemStreamReader<ReviewReference.Site> {

    static final String LAST_SITE = "siteReader.lastSite";
    static final String SITES_DONE = "siteReader.sitesDone";

    private final ExecutionContext jobContext;
    private final JdbcTemplate jdbc;
    private final ReviewRun key;
    private List<ReviewReference.Site> sites;
    private int next;
    private String lastRead;
    private long done;

    SiteReader(ExecutionContext jobContext, JdbcTemplate jdbc, ReviewRun key) {
        this.jobContext = jobContext;
        this.jdbc = jdbc;
        this.key = key;
    }

    @Override
    public void open(ExecutionContext context) {
        int version = ReviewContext.version(context, key);
        List<ReviewReference.Site> recorded = ReviewedSites.recorded(jobContext, key).orElse(null);
        if (recorded == null) {
            // Started by a release that did not record its sites: the active ones not summarised yet.
            Set<String> summarised = ReviewReference.summarisedSites(jdbc, key).stream().map(ReviewReference.Site::code)
                    .collect(Collectors.toSet());
            sites = ReviewReference.activeSites(jdbc).stream().filter(site -> !summarised.contains(site.code())).toList();
            next = 0;
        }
        else {
            sites = inRange(recorded, context);
            next = context.containsKey(LAST_SITE) ? indexOf(context.getString(LAST_SITE)) + 1 : 0;
        }
        done = context.getLong(SITES_DONE, version == 1 ? context.getInt(ReviewContext.V1_READ_COUNT, 0) : 0);
        lastRead = null;
    }

    /** The partition's sites ({@link SiteRangePartitioner}), by their positions in the recorded list; all without a range. */
    private static List<ReviewReference.Site> inRange(List<ReviewReference.Site> recorded, ExecutionContext context) {
        if (!context.containsKey(SiteRangePartitioner.FIRST_SITE)) {
            return context.getInt(SiteRangePartitioner.SITES, -1) == 0 ? List.of() : recorded;
        }
        List<String> codes = recorded.stream().map(ReviewReference.Site::code).toList();
        int first = codes.indexOf(context.getString(SiteRangePartitioner.FIRST_SITE));
        int last = codes.indexOf(context.getString(SiteRangePartitioner.LAST_SITE));
        if (first < 0 || last < first) {
            throw new IllegalStateException("the partition's sites " + context.getString(SiteRangePartitioner.FIRST_SITE) + " to "
                    + context.getString(SiteRangePartitioner.LAST_SITE) + " are not a range of the sites recorded when the review started");
        }
        return recorded.subList(first, last + 1);
    }

    private int indexOf(String code) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException("the review of " + key.periodText() + " revision " + key.revision() + " last summarised site "
                + code + ", which is not among the sites recorded when it started");
    }

    @Override
    public ReviewReference.Site read() {
        if (next >= sites.size()) {
            return null;
        }
        ReviewReference.Site site = sites.get(next++);
        lastRead = site.code();
        done++;
        return site;
    }

    /** Called as a chunk commits, after its sites were written: the last one read is the chunk's last. */
    @Override
    public void update(ExecutionContext context) {
        if (lastRead != null) {
            context.putString(LAST_SITE, lastRead);
            context.putLong(SITES_DONE, done);
        }
        context.remove(ReviewContext.V1_READ_COUNT);
        ReviewContext.mark(context);
    }

    @Override
    public void close() {
        sites = null;
    }
}
