package com.qualityreview.review.job;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a summarise step of the release before partitions left in its context, which a restart by
 * this release finds in the partitioned step's: the sites it committed (up to
 * {@link SiteReader#LAST_SITE}) and their region sums. The partitions cover only the sites after
 * those, and the merged sums start from those.
 */
final class LegacySummary {

    private LegacySummary() {
    }

    static boolean isIn(ExecutionContext managerContext) {
        return managerContext.containsKey(SiteReader.LAST_SITE) || managerContext.containsKey(ReviewContext.V1_ROLL_UP)
                || managerContext.containsKey(ReviewContext.V1_READ_COUNT);
    }

    /** The sites the legacy step committed. */
    static long sitesDone(ExecutionContext managerContext) {
        return managerContext.getLong(SiteReader.SITES_DONE, managerContext.getInt(ReviewContext.V1_READ_COUNT, 0));
    }
}
