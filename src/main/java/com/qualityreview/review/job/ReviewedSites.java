package com.qualityreview.review.job;

import com.qualityreview.review.ReviewRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The sites a review covers, fixed when it first starts: recorded in the job's execution context
 * (which a restart carries over), so that a restart summarises the same sites, with the names and
 * regions they had then, whatever was added, changed or deactivated in between. The review then
 * ends as an uninterrupted run started at that moment would have.
 */
final class ReviewedSites {

    static final String KEY = "review.sites";

    private ReviewedSites() {
    }

    /** Saved as code, region, name of each site in turn: plain strings only. */
    static void record(ExecutionContext job, List<ReviewReference.Site> sites) {
        ArrayList<String> saved = new ArrayList<>(sites.size() * 3);
        for (ReviewReference.Site site : sites) {
            saved.add(site.code());
            saved.add(site.regionCode());
            saved.add(site.name());
        }
        job.put(KEY, saved);
        ReviewContext.mark(job);
    }

    /** The sites recorded, in their order; none for a review started by a release that did not record them. */
    static Optional<List<ReviewReference.Site>> recorded(ExecutionContext job, ReviewRun key) {
        ReviewContext.version(job, key);
        if (!(job.get(KEY) instanceof List<?> saved)) {
            return Optional.empty();
        }
        List<ReviewReference.Site> sites = new ArrayList<>(saved.size() / 3);
        for (int i = 0; i + 2 < saved.size(); i += 3) {
            sites.add(new ReviewReference.Site((String) saved.get(i), (String) saved.get(i + 2), (String) saved.get(i + 1)));
        }
        return Optional.of(List.copyOf(sites));
    }
}
