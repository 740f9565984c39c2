package com.qualityreview.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review's settings (README, Configuration), defaults here and nowhere else:
 * {@code quality.organisation-name} and {@code quality.review.*}.
 *
 * @param organisationName name of the organisation scope
 * @param review the review job's tuning
 */
@ConfigurationProperties("quality")
public record ReviewProperties(
        @DefaultValue("Organisation") String organisationName,
        @DefaultValue Review review) {

    public ReviewProperties {
        if (review.sitesPerChunk() < 1) {
            throw new IllegalArgumentException("quality.review.sites-per-chunk must be at least 1, was " + review.sitesPerChunk());
        }
    }

    /**
     * {@code quality.review.*}.
     *
     * @param sitesPerChunk sites per committed review chunk
     */
    public record Review(@DefaultValue("50") int sitesPerChunk) {
    }
}
