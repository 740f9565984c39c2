package com.qualityreview.review.job;

import com.qualityreview.review.ReviewRun;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The version of what a review saves in its execution contexts (the summarise step's and the
 * job's), so that a restart by another release either reads it or refuses it with a clear message,
 * instead of misreading it.
 *
 * <ul>
 * <li>1 (no version entry): the region statistics as one Java-serialised object under
 *     {@value #V1_ROLL_UP}, which grew with the audits; the site reader's position under
 *     {@value #V1_READ_COUNT}; the sites reviewed not recorded. Still read, and converted.</li>
 * <li>2: plain sums and counts ({@link RegionSums}), the code of the last site summarised
 *     ({@link SiteReader}), and the sites reviewed, recorded when the review first started
 *     ({@link ReviewedSites}).</li>
 * </ul>
 */
public final class ReviewContext {

    public static final String VERSION_KEY = "review.contextVersion";
    static final int VERSION = 2;
    static final String V1_ROLL_UP = "review.rollUp";
    static final String V1_READ_COUNT = "siteReader.read.count";

    private ReviewContext() {
    }

    /**
     * @return 1 or {@value #VERSION}; a context with nothing of a review's in it yet is of this version
     * @throws IllegalStateException for any other version, saying what to do
     */
    static int version(ExecutionContext context, ReviewRun key) {
        if (!context.containsKey(VERSION_KEY)) {
            return context.containsKey(V1_ROLL_UP) || context.containsKey(V1_READ_COUNT) ? 1 : VERSION;
        }
        Object version = context.get(VERSION_KEY);
        if (version instanceof Integer number && (number == 1 || number == VERSION)) {
            return number;
        }
        throw new IllegalStateException("the review of " + key.periodText() + " revision " + key.revision()
                + " was saved in the format of version " + version + ", which this release cannot read (it reads versions 1 to "
                + VERSION + "): restart it with the release that started it, or review the revision again from the start with"
                + " 'review " + key.periodText() + " --revision=" + key.revision() + "'");
    }

    static void mark(ExecutionContext context) {
        context.putInt(VERSION_KEY, VERSION);
    }
}
