package com.qualityreview.review.rating;

import com.qualityreview.review.Period;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history rule of warnings (docs/review.md, Warnings > History): a warning is the same as one of
 * the previous review when it is about the same site, of the same kind and about the same criterion or
 * KPI. A current warning matched by an active (NEW or CONTINUING) warning of the previous review
 * continues it; any other is NEW. An active warning of the previous review that no longer holds at a
 * site reviewed now is RESOLVED, once: the previous review's RESOLVED warnings are not carried further.
 */
public final class WarningHistory {

    private WarningHistory() {
    }

    /** What makes two warnings the same one; {@code subject} is empty for DOWNGRADE and COMPLAINT_SPIKE. */
    public record Identity(String siteCode, WarningType type, String subject) {

        public Identity {
            subject = subject == null ? "" : subject;
        }
    }

    /** A warning's place in its history, as stored with a review. */
    public record Tracked(Identity identity, WarningStatus status, Period firstPeriod, int periodsRunning) {
    }

    /**
     * @param current  each current warning, its status, first period and periods running
     * @param resolved the previous review's active warnings that no longer hold, as they last stood but RESOLVED
     */
    public record Outcome(Map<Identity, Tracked> current, List<Tracked> resolved) {
    }

    /**
     * @param period         the reviewed period
     * @param previousReview the warnings of the previous review (of the period just before), empty when there was none
     * @param current        the warnings of the reviewed period
     * @param reviewedSites  the sites reviewed now: only their warnings can be resolved (a site no longer
     *                       reviewed says nothing about its problems)
     */
    public static Outcome track(Period period, Collection<Tracked> previousReview, Collection<Identity> current,
            Set<String> reviewedSites) {
        Map<Identity, Tracked> activeBefore = new LinkedHashMap<>();
        previousReview.stream().filter(w -> w.status().isActive()).forEach(w -> activeBefore.put(w.identity(), w));
        Map<Identity, Tracked> tracked = new LinkedHashMap<>();
        for (Identity identity : current) {
            Tracked before = activeBefore.get(identity);
            tracked.put(identity, before == null ? new Tracked(identity, WarningStatus.NEW, period, 1)
                    : new Tracked(identity, WarningStatus.CONTINUING, before.firstPeriod(), before.periodsRunning() + 1));
        }
        List<Tracked> resolved = new ArrayList<>();
        for (Tracked before : activeBefore.values()) {
            if (!tracked.containsKey(before.identity()) && reviewedSites.contains(before.identity().siteCode())) {
                resolved.add(new Tracked(before.identity(), WarningStatus.RESOLVED, before.firstPeriod(), before.periodsRunning()));
            }
        }
        return new Outcome(tracked, resolved);
    }
}
