package com.qualityreview.reporting.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;

/**
 * The parameters of one report in one language: figures formatted for the reader's locale and
 * rounded for display (half-up; 1 decimal for percentages and indexes, 2 for means), labels from
 * the templates' message bundle, chart values as numbers.
 */
public final class ReportModel {

    static final List<String> RATINGS = List.of("5", "4", "3", "2", "1", "0", "UNRATED");
    /** The incomplete sites a region's or the organisation's notice names; the others are counted ("and 3 more"). */
    static final int INCOMPLETE_SITES_NAMED = 10;

    private final ReviewResult result;
    private final Locale locale;
    private final ResourceBundle messages;
    private final String generatedAt;
    private final Map<String, ReviewResult.Scope> sitesByCode = new HashMap<>();

    public ReportModel(ReviewResult result, Locale locale, ZonedDateTime generatedAt) {
        this.result = result;
        this.locale = locale;
        this.messages = ReportTemplates.messages(locale);
        this.generatedAt = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(generatedAt);
        result.sites().forEach(site -> sitesByCode.put(site.code(), site));
    }

    Map<String, Object> executive() {
        Map<String, Object> p = common(result.organisation());
        p.put("report", "executive"); // overview.jrxml serves both: this picks the title and what is ranked
        p.put("share3Plus", percent(result.organisation().current().sitesRated3PlusPct()));
        p.put("ratings", ratings(result.organisation()));
        p.put("ranking", ranking(result.regions(), scope -> percent(scope.current().sitesRated3PlusPct()), scope -> ""));
        p.put("dataQuality", dataQuality());
        p.put("referenceData", referenceData());
        return p;
    }

    Map<String, Object> region(ReviewResult.Scope region) {
        Map<String, Object> p = common(region);
        p.put("report", "region");
        p.put("share3Plus", percent(region.current().sitesRated3PlusPct()));
        p.put("ratings", ratings(region));
        p.put("ranking", ranking(result.sites().stream().filter(site -> region.code().equals(site.regionCode())).toList(),
                scope -> rating(scope.current().rating()), this::change));
        p.put("dataQuality", dataQuality());
        p.put("referenceData", referenceData());
        return p;
    }

    Map<String, Object> site(ReviewResult.Scope site, List<ReviewResults.Comment> comments) {
        Map<String, Object> p = common(site);
        String change = change(site);
        p.put("ratingLine", rating(site.current().rating()) + (change.isEmpty() ? "" : " · " + change));
        List<Map<String, Object>> compliance = new ArrayList<>();
        Map<String, String> criterionNames = new HashMap<>();
        site.mandatory().forEach(m -> criterionNames.put(m.criterionCode(), m.criterionName()));
        for (ReviewResult.Compliance c : site.compliance()) {
            boolean mandatory = c.requirement().startsWith("mandatory:");
            compliance.add(row("level", text(c.levelRole().equals("NEXT") ? "level.next" : "level.current", c.level()),
                    "requirement", requirement(c, criterionNames),
                    "actual", mandatory ? optionalText("status." + c.actual(), c.actual()) : c.actual(),
                    "required", mandatory ? optionalText("status." + c.required(), c.required()) : c.required(), "met", c.met()));
        }
        p.put("compliance", compliance);
        p.put("mandatory", site.mandatory().stream().map(m -> row("criterion", m.criterionName(), "fromStar", m.mandatoryFromStar(),
                "status", text("status." + m.status()))).toList());
        p.put("kpis", site.kpis().stream().map(k -> row("name", k.name(), "unit", k.unit(), "value", number(k.value(), 2),
                "target", number(k.target(), 2), "met", k.met() == null ? text("noData") : text(k.met() ? "yes" : "no"))).toList());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        p.put("comments", comments.stream().map(c -> row("date", date.format(c.submittedAt().atZoneSameInstant(result.zone())),
                "csat", c.csat() == null ? text("noData") : c.csat().toString(), "text", c.text())).toList());
        return p;
    }

    private Map<String, Object> common(ReviewResult.Scope scope) {
        Map<String, Object> p = new HashMap<>();
        p.put("period", result.period().toString());
        p.put("revision", result.revision());
        p.put("generatedAt", generatedAt);
        p.put("scopeCode", scope.code());
        p.put("scopeName", scope.name());
        p.put("headlines", headlines(scope));
        p.put("dataIncomplete", dataIncomplete(scope));
        p.put("atRisk", scope.warnings().stream().map(w -> row("site", siteLabel(w.siteCode()), "severity", text("severity." + w.severity()),
                "warning", text("warning." + w.type()), "message", w.message())).toList());
        p.put("trend", scope.trend().stream().map(t -> row("period", t.period(), "csat", real(t.csatMean()), "nps", real(t.nps()),
                "complaintRate", real(t.complaintRatePct()))).toList());
        p.put("pareto", scope.pareto().stream().map(e -> row("category", e.category(), "count", e.count(),
                "cumulativePct", real(e.cumulativePct()), "vitalFew", e.vitalFew())).toList());
        ReviewResult.Figures now = scope.current();
        ReviewResult.Figures before = scope.previous();
        p.put("servqual", List.of(
                servqual("RELIABILITY", now.reliabilityMean(), before == null ? null : before.reliabilityMean()),
                servqual("RESPONSIVENESS", now.responsivenessMean(), before == null ? null : before.responsivenessMean()),
                servqual("ASSURANCE", now.assuranceMean(), before == null ? null : before.assuranceMean()),
                servqual("EMPATHY", now.empathyMean(), before == null ? null : before.empathyMean()),
                servqual("TANGIBLES", now.tangiblesMean(), before == null ? null : before.tangiblesMean())));
        return p;
    }

    /**
     * The notice that the scope's data of the period is incomplete (docs/review.md, Late or missing
     * data), or null when it is complete: a site's reason; a region's or the organisation's count of
     * such sites, naming the first {@value #INCOMPLETE_SITES_NAMED} with their reasons.
     */
    public String dataIncomplete(ReviewResult.Scope scope) {
        if (scope.type().equals("SITE")) {
            if (!scope.isDataIncomplete()) {
                return null;
            }
            return scope.dataIncomplete().equals("NO_ROWS") ? text("dataIncomplete.NO_ROWS")
                    : text("dataIncomplete.LOW_VOLUME", scope.current().feedbackCount(),
                            scope.previous() == null ? 0L : scope.previous().feedbackCount());
        }
        if (scope.incompleteSites() == 0) {
            return null;
        }
        List<ReviewResult.Scope> incomplete = result.incompleteSites(scope);
        long sites = scope.type().equals("REGION")
                ? result.sites().stream().filter(site -> scope.code().equals(site.regionCode())).count()
                : result.sites().size();
        List<String> named = new ArrayList<>(incomplete.stream().limit(INCOMPLETE_SITES_NAMED)
                .map(site -> siteLabel(site.code()) + " (" + text("dataIncomplete.reason." + site.dataIncomplete()) + ")").toList());
        if (incomplete.size() > INCOMPLETE_SITES_NAMED) {
            named.add(text("dataIncomplete.more", incomplete.size() - INCOMPLETE_SITES_NAMED));
        }
        return text("dataIncomplete.sites", scope.incompleteSites(), sites, String.join(", ", named));
    }

    /** The seven headline figures with the change against the previous period. */
    public List<Map<String, Object>> headlines(ReviewResult.Scope scope) {
        ReviewResult.Figures now = scope.current();
        ReviewResult.Figures before = scope.previous();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(headline("metric.feedbackCount", BigDecimal.valueOf(now.feedbackCount()),
                before == null ? null : BigDecimal.valueOf(before.feedbackCount()), 0, "", null));
        rows.add(headline("metric.csatMean", now.csatMean(), before == null ? null : before.csatMean(), 2, "", true));
        rows.add(headline("metric.csatSatisfiedPct", now.csatSatisfiedPct(), before == null ? null : before.csatSatisfiedPct(), 1, "%", true));
        rows.add(headline("metric.nps", now.nps(), before == null ? null : before.nps(), 1, "", true));
        rows.add(headline("metric.complaintRatePct", now.complaintRatePct(), before == null ? null : before.complaintRatePct(), 1, "%", false));
        rows.add(headline("metric.auditScorePct", now.auditScorePct(), before == null ? null : before.auditScorePct(), 1, "%", true));
        rows.add(headline("metric.qualityIndex", now.qualityIndex(), before == null ? null : before.qualityIndex(), 1, "", true));
        return rows;
    }

    private Map<String, Object> headline(String key, BigDecimal value, BigDecimal previous, int decimals, String suffix,
            Boolean higherIsBetter) {
        String change = "";
        String marker = "";
        Boolean good = null;
        if (value != null && previous != null) {
            // The change is between the figures as shown, so that it adds up for the reader.
            BigDecimal delta = round(value, decimals).subtract(round(previous, decimals));
            change = (delta.signum() > 0 ? "+" : "") + number(delta, decimals);
            marker = delta.signum() > 0 ? "▲" : delta.signum() < 0 ? "▼" : "=";
            good = higherIsBetter == null || delta.signum() == 0 ? null : (delta.signum() > 0) == higherIsBetter;
        }
        return row("label", text(key), "value", number(value, decimals) + (value == null ? "" : suffix),
                "previous", number(previous, decimals) + (previous == null ? "" : suffix), "change", change, "marker", marker,
                "good", good);
    }

    private List<Map<String, Object>> ratings(ReviewResult.Scope scope) {
        return RATINGS.stream().map(r -> row("label", rating(r), "sites", scope.ratingCounts().getOrDefault(r, 0L))).toList();
    }

    private List<Map<String, Object>> ranking(List<ReviewResult.Scope> scopes, Function<ReviewResult.Scope, String> rating,
            Function<ReviewResult.Scope, String> change) {
        List<ReviewResult.Scope> ranked = new ArrayList<>(scopes);
        ranked.sort(Comparator.comparing((ReviewResult.Scope s) -> s.current().qualityIndex(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(ReviewResult.Scope::code));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ReviewResult.Scope s = ranked.get(i);
            rows.add(row("rank", i + 1, "code", s.code(), "name", s.name(), "index", number(s.current().qualityIndex(), 1),
                    "csat", number(s.current().csatMean(), 2), "nps", number(s.current().nps(), 1),
                    "complaints", percent(s.current().complaintRatePct()), "rating", rating.apply(s), "change", change.apply(s)));
        }
        return rows;
    }

    /** The appendix's dated sources: their rows of the period. */
    private List<Map<String, Object>> dataQuality() {
        return result.dataQuality().stream().filter(d -> !d.reference()).map(d -> row("source", text("source." + d.kind()),
                "files", d.files(), "read", d.read(), "written", d.written(), "rejected", d.rejected(),
                "rejectedUndated", d.rejectedUndated())).toList();
    }

    /** The appendix's reference data: its latest import as of the review, the date in the organisation's zone. */
    private List<Map<String, Object>> referenceData() {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        return result.dataQuality().stream().filter(ReviewResult.SourceCounts::reference).map(d -> row("source",
                text("source." + d.kind()), "importedAt", d.importedAt() == null ? text("dataQuality.neverImported")
                        : when.format(d.importedAt().atZoneSameInstant(result.zone())),
                "read", d.read(), "written", d.written(), "rejected", d.rejected())).toList();
    }

    private Map<String, Object> servqual(String dimension, BigDecimal now, BigDecimal before) {
        return row("dimension", text("dimension." + dimension), "current", real(now), "previous", real(before));
    }

    private String requirement(ReviewResult.Compliance c, Map<String, String> criterionNames) {
        if (c.requirement().startsWith("mandatory:")) {
            String code = c.requirement().substring("mandatory:".length());
            return text("requirement.mandatory", criterionNames.getOrDefault(code, code));
        }
        return optionalText("requirement." + c.requirement(), c.label());
    }

    private String siteLabel(String code) {
        ReviewResult.Scope site = sitesByCode.get(code);
        return site == null ? code : code + " " + site.name();
    }

    public String rating(String code) {
        if (code == null) {
            return text("noData");
        }
        return code.equals("UNRATED") ? text("rating.unrated") : text("rating.stars", code);
    }

    /** "▲ from 2★", "= unchanged", "new": the rating change of a site against its previous rating. */
    private String change(ReviewResult.Scope site) {
        String code = site.current().ratingChange();
        if (code == null) {
            return "";
        }
        return text("change." + code, site.previous() == null ? text("noData") : rating(site.previous().rating()));
    }

    public String percent(BigDecimal value) {
        return value == null ? text("noData") : number(value, 1) + "%";
    }

    /** Locale digits and separators, rounded half-up to the display decimals; "no data" stays visible as such. */
    String number(BigDecimal value, int decimals) {
        if (value == null) {
            return text("noData");
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(round(value, decimals));
    }

    private static BigDecimal round(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }

    private static Double real(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    public String text(String key, Object... arguments) {
        String pattern = messages.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    private String optionalText(String key, String fallback) {
        try {
            return messages.getString(key);
        }
        catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
