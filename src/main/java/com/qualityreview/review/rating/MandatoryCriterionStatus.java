package com.qualityreview.review.rating;

/** One mandatory criterion (mandatory_from_star &gt; 0) and its status at a scope in a period. */
public record MandatoryCriterionStatus(String criterionCode, String criterionName, int mandatoryFromStar,
                                       MandatoryStatus status) {
}
