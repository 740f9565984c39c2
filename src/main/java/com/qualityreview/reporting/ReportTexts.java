package com.qualityreview.reporting;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.reporting.pdf.ReportModel;
import com.qualityreview.review.ReviewResult;

/**
 * The reports' wording for other features (the delivery emails): labels from the templates'
 * messages and headline figures formatted as in the PDFs. (A report's file name is not computed
 * elsewhere: {@link ReportFiles#fileOf} says which file rendering wrote for a scope.)
 */
public final class ReportTexts {

    private final ReportModel model;

    private ReportTexts(ReportModel model) {
        this.model = model;
    }

    /**
     * The emails show no complaint categories and no key drivers, so their wording needs neither
     * category names nor the key drivers' minimum of rows (given as 0).
     */
    public static ReportTexts of(ReviewResult result, Locale locale) {
        return new ReportTexts(new ReportModel(result, locale, ZonedDateTime.now(result.zone()), CategoryNames.NONE, 0));
    }

    /** One headline figure as the report shows it. */
    public record Headline(String label, String value, String previous, String change, String marker) {
    }

    public List<Headline> headlines(ReviewResult.Scope scope) {
        return model.headlines(scope).stream().map(ReportTexts::headline).toList();
    }

    private static Headline headline(Map<String, Object> row) {
        return new Headline((String) row.get("label"), (String) row.get("value"), (String) row.get("previous"),
                (String) row.get("change"), (String) row.get("marker"));
    }

    /** The report's notice that the scope's data of the period is incomplete, if it is. */
    public Optional<String> dataIncomplete(ReviewResult.Scope scope) {
        return Optional.ofNullable(model.dataIncomplete(scope));
    }

    public String text(String key, Object... arguments) {
        return model.text(key, arguments);
    }

    /** A warning's details in the reader's language (a review stored before texts were keys: its English text). */
    public String warningDetails(ReviewResult.WarningRow warning) {
        return model.warningDetails(warning);
    }

    /** "new" or "3rd month": how long an active warning has run, as the reports say it. */
    public String running(ReviewResult.WarningRow warning) {
        return model.running(warning);
    }

    /** "Resolved since 2026-09", as the reports head the warnings that no longer hold. */
    public String resolvedHeading() {
        return model.resolvedHeading();
    }

    /** A resolved warning (site, kind, how long it ran), as the reports list it. */
    public String resolvedItem(ReviewResult.WarningRow warning) {
        return model.resolvedItem(warning);
    }

    public String rating(String code) {
        return model.rating(code);
    }

    public String percent(BigDecimal value) {
        return model.percent(value);
    }
}
