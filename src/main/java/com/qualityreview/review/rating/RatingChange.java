package com.qualityreview.review.rating;

import java.util.Optional;

/**
 * Change of a site's rating against the previous period.
 *
 * <ul>
 *   <li>NEW: no previous rating, or previously UNRATED and now rated (first time rated).</li>
 *   <li>SAME: same stars, or UNRATED both times.</li>
 *   <li>DOWN: fewer stars, or rated before and UNRATED now (the site lost its rating; it also
 *       gets a MINOR DOWNGRADE warning, see {@link Warnings}).</li>
 *   <li>UP: more stars.</li>
 * </ul>
 */
public enum RatingChange {
    UP, DOWN, SAME, NEW;

    public static RatingChange between(Optional<Rating> previous, Rating current) {
        if (previous.isEmpty()) {
            return NEW;
        }
        Rating prev = previous.get();
        if (prev == current) {
            return SAME;
        }
        if (!prev.isRated()) {
            return NEW;
        }
        if (!current.isRated()) {
            return DOWN;
        }
        return current.compareTo(prev) > 0 ? UP : DOWN;
    }
}
