package com.qualityreview.reporting.pdf;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewResult;

/**
 * The review results the render partitions of this process are using, one copy a review while
 * they run at once: a loaded result takes about 12 KB of heap a site (docs/scaling.md, Heap),
 * 600 MB at 50,000 sites, and every partition running (local threads, or a worker's concurrency)
 * needs the whole of it. The first partition loads it while the others wait, and it is dropped when
 * the last one using it releases it, so a partition that starts later reads the stored results
 * again. A result is read-only once loaded: the partitions share it as each partition's render
 * threads already do.
 */
class LoadedReviewResults {

    private record Review(Period period, int revision) {
    }

    private static final class Shared {

        final ReviewResult result;
        int users;

        Shared(ReviewResult result) {
            this.result = result;
        }
    }

    private final BiFunction<Period, Integer, Optional<ReviewResult>> loader;
    private final Map<Review, Shared> inUse = new HashMap<>();

    /** @param loader the stored results of a review, read from the database ({@code ReviewResults::load}) */
    LoadedReviewResults(BiFunction<Period, Integer, Optional<ReviewResult>> loader) {
        this.loader = loader;
    }

    /**
     * The results of a review, loaded now unless a partition of this process is using them; give
     * them back with {@link #release}.
     *
     * @throws IllegalStateException when the review has no stored results
     */
    synchronized ReviewResult acquire(Period period, int revision) {
        Review review = new Review(period, revision);
        Shared shared = inUse.get(review);
        if (shared == null) {
            shared = new Shared(loader.apply(period, revision).orElseThrow(() -> new IllegalStateException(
                    "the review of " + period + " revision " + revision + " has no stored results to render")));
            inUse.put(review, shared);
        }
        shared.users++;
        return shared.result;
    }

    /** Done with the results {@link #acquire} gave: the last partition using them lets them go. */
    synchronized void release(Period period, int revision) {
        Review review = new Review(period, revision);
        Shared shared = inUse.get(review);
        if (shared != null && --shared.users == 0) {
            inUse.remove(review);
        }
    }

    /** Reviews whose results are held now, for tests. */
    synchronized int held() {
        return inUse.size();
    }
}
