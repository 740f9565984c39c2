package com.qualityreview.review.rating;

import com.qualityreview.review.metrics.Numbers;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Roll-up of site ratings for a region or the organisation.
 *
 * <p>The share of sites at 3 stars or more is taken over <em>rated</em> sites only: an UNRATED
 * site has too little feedback to be judged either way, so it is neither a success nor a failure
 * (its count is shown separately). No rated site = no data.
 *
 * @param counts                   every rating (UNRATED and 0..5) with its count, zeros included
 * @param shareAtLeastThreeStarsPct 100 × sites with ≥ 3 stars / rated sites
 */
public record RatingDistribution(Map<Rating, Long> counts, long totalSites, long ratedSites,
                                 long sitesAtLeastThreeStars, Optional<BigDecimal> shareAtLeastThreeStarsPct) {

    public static RatingDistribution of(Collection<Rating> ratings) {
        Map<Rating, Long> counts = new EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            counts.put(r, 0L);
        }
        ratings.forEach(r -> counts.merge(r, 1L, Long::sum));
        long rated = ratings.stream().filter(Rating::isRated).count();
        long atLeastThree = ratings.stream().filter(r -> r.compareTo(Rating.STARS_3) >= 0).count();
        return new RatingDistribution(Collections.unmodifiableMap(counts), ratings.size(), rated, atLeastThree,
                Numbers.percent(atLeastThree, rated));
    }

    public long count(Rating rating) {
        return counts.get(rating);
    }
}
