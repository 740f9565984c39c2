package com.qualityreview.review.rating;

import java.util.Optional;

/**
 * A warning about one site in one period.
 *
 * @param subject the criterion code (MANDATORY_FAILED) or KPI code (KPI_MISS); empty otherwise
 * @param message English text for logs and the English report; reports in other languages
 *                build their own text from type, subject and the figures
 */
public record Warning(String siteCode, WarningType type, Severity severity, Optional<String> subject, String message) {
}
