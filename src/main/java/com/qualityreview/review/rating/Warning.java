package com.qualityreview.review.rating;

import java.util.Optional;

import com.qualityreview.review.TranslatableText;

/**
 * A warning about one site in one period.
 *
 * @param subject the criterion code (MANDATORY_FAILED) or KPI code (KPI_MISS); empty otherwise
 * @param details what happened, as a message key with its figures (stars, criterion, values): each
 *                report and email words it in its reader's language
 */
public record Warning(String siteCode, WarningType type, Severity severity, Optional<String> subject, TranslatableText details) {
}
