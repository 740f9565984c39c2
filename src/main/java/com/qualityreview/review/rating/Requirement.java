package com.qualityreview.review.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import com.qualityreview.review.TranslatableText;

/**
 * One line of a site's compliance detail.
 *
 * @param code            threshold key ("min-csat-mean"), "all-kpis-met", "minimum-feedback" or
 *                        "mandatory:&lt;criterion_code&gt;"
 * @param label           what is required, as a message key ("requirement.&lt;code&gt;", or
 *                        "requirement.mandatory" with the criterion's name): reports word it
 * @param actual          the site's value (no data = empty); ALL_KPIS_MET: KPIs met; MANDATORY_MET: empty
 * @param required        the threshold; ALL_KPIS_MET: KPIs with a value; MANDATORY_MET: empty
 * @param mandatoryStatus MANDATORY_MET only: the criterion's status
 * @param displayDecimals decimals for showing actual and required
 */
public record Requirement(String code, TranslatableText label, Comparison comparison, Optional<BigDecimal> actual,
                          Optional<BigDecimal> required, Optional<MandatoryStatus> mandatoryStatus, int displayDecimals,
                          boolean met) {

    public static final String MINIMUM_FEEDBACK = "minimum-feedback";
    public static final String MANDATORY_PREFIX = "mandatory:";

    /** The actual value as the reports show it: the rounded value, "no data", "4 of 5 met" or the criterion's status. */
    public TranslatableText describeActual() {
        return switch (comparison) {
            case MANDATORY_MET -> TranslatableText.of("status." + mandatoryStatus.map(Enum::name).orElse("NOT_ASSESSED"));
            case ALL_KPIS_MET -> actual.isEmpty() ? TranslatableText.of("requirement.actual.noKpiValue")
                    : TranslatableText.of("requirement.actual.kpisMet", actual.get(), required.orElseThrow());
            default -> actual.map(v -> TranslatableText.of("requirement.value", round(v))).orElse(TranslatableText.of("noData"));
        };
    }

    /** What is required, as the reports show it: "≥ 4.10", "≤ 3.0", "all KPIs met" or the status MET. */
    public TranslatableText describeRequired() {
        return switch (comparison) {
            case MANDATORY_MET -> TranslatableText.of("status.MET");
            case ALL_KPIS_MET -> TranslatableText.of("requirement.required.allKpisMet");
            case AT_LEAST -> required.map(v -> TranslatableText.of("requirement.required.atLeast", round(v)))
                    .orElse(TranslatableText.of("noData"));
            case AT_MOST -> required.map(v -> TranslatableText.of("requirement.required.atMost", round(v)))
                    .orElse(TranslatableText.of("noData"));
        };
    }

    private BigDecimal round(BigDecimal v) {
        return v.setScale(displayDecimals, RoundingMode.HALF_UP);
    }
}
