package com.qualityreview.review;

import java.math.BigDecimal;

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
        BigDecimal share = review.incompleteBelowShare();
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("quality.review.incomplete-below-share must be between 0 and 1, was "
                    + share.toPlainString());
        }
        if (review.driverMinRows() < 2) {
            throw new IllegalArgumentException("quality.review.driver-min-rows must be at least 2, was " + review.driverMinRows());
        }
    }

    /**
     * {@code quality.review.*}.
     *
     * @param sitesPerChunk sites per committed review chunk
     * @param incompleteBelowShare a site whose feedback rows of the period are fewer than this share of
     *        the previous period's is marked "data incomplete" (0 to 1; 0 marks only sites without rows)
     * @param driverMinRows a SERVQUAL dimension needs this many rows with both its score and CSAT for
     *        a key-driver correlation (at least 2: one row has no correlation); a site gets key drivers
     *        only when one of its dimensions has them
     */
    public record Review(@DefaultValue("50") int sitesPerChunk, @DefaultValue("0.5") BigDecimal incompleteBelowShare,
            @DefaultValue("100") long driverMinRows) {
    }
}
