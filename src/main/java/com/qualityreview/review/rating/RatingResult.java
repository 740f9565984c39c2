package com.qualityreview.review.rating;

import java.util.Optional;

/**
 * A site's rating with its compliance detail.
 *
 * @param currentLevel the requirements of the level held (empty for 0 stars and UNRATED)
 * @param nextLevel    the requirements of the next level (empty at 5 stars; level 1 for 0 stars
 *                     and for UNRATED, where its minimum-feedback line is the one not met)
 */
public record RatingResult(Rating rating, Optional<LevelCompliance> currentLevel, Optional<LevelCompliance> nextLevel) {
}
