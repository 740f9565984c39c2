package com.qualityreview.review.rating;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import com.qualityreview.review.metrics.Display;

/**
 * One line of a site's compliance detail.
 *
 * @param code            threshold key ("min-csat-mean"), "all-kpis-met", "minimum-feedback" or
 *                        "mandatory:&lt;criterion_code&gt;": reports translate labels by this code
 * @param label           English label
 * @param actual          the site's value (no data = empty); ALL_KPIS_MET: KPIs met; MANDATORY_MET: empty
 * @param required        the threshold; ALL_KPIS_MET: KPIs with a value; MANDATORY_MET: empty
 * @param mandatoryStatus MANDATORY_MET only: the criterion's status
 * @param displayDecimals decimals for showing actual and required
 */
public record Requirement(String code, String label, Comparison comparison, Optional<BigDecimal> actual,
                          Optional<BigDecimal> required, Optional<MandatoryStatus> mandatoryStatus, int displayDecimals,
                          boolean met) {

    public static final String MINIMUM_FEEDBACK = "minimum-feedback";
    public static final String MANDATORY_PREFIX = "mandatory:";

    /** English text of the actual value, "no data" when empty. */
    public String describeActual() {
        return switch (comparison) {
            case MANDATORY_MET -> mandatoryStatus.map(Enum::name).orElse("NOT_ASSESSED");
            case ALL_KPIS_MET -> actual.isEmpty() ? "no KPI with a value"
                    : actual.get().toPlainString() + " of " + required.orElseThrow().toPlainString() + " met";
            default -> actual.map(this::round).orElse("no data");
        };
    }

    /** English text of what is required. */
    public String describeRequired() {
        return switch (comparison) {
            case MANDATORY_MET -> "MET";
            case ALL_KPIS_MET -> "all KPIs met (at least one with a value)";
            case AT_LEAST -> "≥ " + required.map(this::round).orElse("?");
            case AT_MOST -> "≤ " + required.map(this::round).orElse("?");
        };
    }

    private String round(BigDecimal v) {
        return Display.format(v, displayDecimals, Locale.ENGLISH);
    }
}
