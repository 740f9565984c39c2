package com.qualityreview.reporting.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
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
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;

import com.qualityreview.reporting.CategoryNames;
import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.metrics.Display;
import com.qualityreview.review.metrics.KeyDrivers;
import com.qualityreview.review.TranslatableText;

/**
 * The parameters of one report in one language: figures formatted for the reader's locale and
 * rounded for display (half-up; 1 decimal for percentages and indexes, 2 for means), labels from
 * the templates' message bundle, chart values as numbers.
 */
public final class ReportModel {

    static final List<String> RATINGS = List.of("5", "4", "3", "2", "1", "0", "UNRATED");
    /** The incomplete sites a region's or the organisation's notice names; the others are counted ("and 3 more"). */
    static final int INCOMPLETE_SITES_NAMED = 10;
    /** The executive fair ranking shows this many sites at each end, all of them when there are no more than twice as many. */
    static final int FAIR_RANKING_EACH_END = 10;

    /** The order of every ranking: quality index, highest first, no data last; ties by code. */
    static final Comparator<ReviewResult.Scope> BY_QUALITY_INDEX = Comparator.comparing((ReviewResult.Scope s) -> s.current().qualityIndex(),
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(ReviewResult.Scope::code);

    private final ReviewResult result;
    private final Locale locale;
    private final ResourceBundle messages;
    private final String generatedAt;
    private final Map<String, ReviewResult.Scope> sitesByCode = new HashMap<>();
    private final CategoryNames categoryNames;
    private final long driverMinRows;

    /** @param driverMinRows quality.review.driver-min-rows: the key drivers' "too few rows" says how many are needed */
    public ReportModel(ReviewResult result, Locale locale, ZonedDateTime generatedAt, CategoryNames categoryNames, long driverMinRows) {
        this.result = result;
        this.driverMinRows = driverMinRows;
        this.categoryNames = categoryNames;
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
        // A region's standing is its share of sites at 3★ or more (it has no rating of its own); its
        // change is that of the quality index it is ranked by.
        p.put("ranking", ranking(result.regions(), scope -> percent(scope.current().sitesRated3PlusPct()), this::indexChange));
        List<ReviewResult.RankedSite> all = result.fairRanking();
        List<ReviewResult.RankedSite> ranked = all.stream().filter(site -> site.rank() != null).toList();
        boolean ends = all.size() > 2 * FAIR_RANKING_EACH_END && ranked.size() > 2 * FAIR_RANKING_EACH_END;
        List<ReviewResult.RankedSite> shown = ends ? new ArrayList<>(ranked.subList(0, FAIR_RANKING_EACH_END)) : all;
        if (ends) {
            shown.addAll(ranked.subList(ranked.size() - FAIR_RANKING_EACH_END, ranked.size()));
        }
        p.put("fairRanking", shown.stream().map(site -> fairRankingRow(site, site.rank(), site.rawRank(), site.regionCode()))
                .toList());
        p.put("fairRankingNote", fairRankingNote(all, ends ? text("fairRanking.ends", FAIR_RANKING_EACH_END, ranked.size()) : null));
        drivers(result.organisation(), p);
        p.put("dataQuality", dataQuality());
        p.put("referenceData", referenceData());
        return p;
    }

    /** The executive content for the region, then its sites ranked, each site's compliance detail and a sample of comments. */
    Map<String, Object> region(ReviewResult.Scope region, List<ReviewResults.Comment> comments) {
        Map<String, Object> p = common(region);
        p.put("report", "region");
        p.put("share3Plus", percent(region.current().sitesRated3PlusPct()));
        p.put("ratings", ratings(region));
        drivers(region, p);
        List<ReviewResult.Scope> sites = result.sitesOf(region);
        p.put("siteRanking", siteRanking(sites));
        p.put("compliance", compliance(byQualityIndex(sites)));
        // Ranks among the region's sites: the region rank stored, and the raw rank as the organisation's
        // raw order restricted to the region (the same order, so no second sort).
        List<ReviewResult.RankedSite> ranked = result.fairRanking().stream()
                .filter(site -> region.code().equals(site.regionCode())).toList();
        p.put("fairRanking", ranked.stream().map(site -> fairRankingRow(site, site.regionRank(), site.rawRank() == null ? null
                : (int) ranked.stream().filter(other -> other.rawRank() != null && other.rawRank() <= site.rawRank()).count(), null))
                .toList());
        p.put("fairRankingNote", fairRankingNote(ranked, null));
        p.put("comments", comments(comments, true));
        p.put("dataQuality", dataQuality());
        p.put("referenceData", referenceData());
        return p;
    }

    Map<String, Object> site(ReviewResult.Scope site, List<ReviewResults.Comment> comments) {
        Map<String, Object> p = common(site);
        String change = change(site);
        p.put("ratingLine", rating(site.current().rating()) + (change.isEmpty() ? "" : " · " + change));
        p.put("compliance", compliance(List.of(site)));
        p.put("mandatory", site.mandatory().stream().map(m -> row("criterion", m.criterionName(), "fromStar", m.mandatoryFromStar(),
                "status", text("status." + m.status()))).toList());
        p.put("kpis", site.kpis().stream().map(k -> row("name", k.name(), "unit", k.unit(),
                "value", number(k.value(), Display.kpiDecimals(k.unit())),
                "target", number(k.target(), Display.kpiDecimals(k.unit())),
                "met", k.met() == null ? text("noData") : text(k.met() ? "yes" : "no"))).toList());
        p.put("comments", comments(comments, false));
        return p;
    }

    /**
     * The compliance detail of each site (SPEC §5), in the order given: one heading row per site
     * (its rating and the next level) over the requirements of its current and next level, actual
     * against required, met or not. A site without any requirement stored still gets its heading,
     * with a note, so that a region's table names every site.
     */
    private List<Map<String, Object>> compliance(List<ReviewResult.Scope> sites) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReviewResult.Scope site : sites) {
            Map<String, String> criterionNames = new HashMap<>();
            site.mandatory().forEach(m -> criterionNames.put(m.criterionCode(), m.criterionName()));
            String next = site.compliance().stream().filter(c -> c.levelRole().equals("NEXT")).findFirst()
                    .map(c -> text("level.next", c.level())).orElse(text("level.none"));
            String heading = text("compliance.site", siteLabel(site.code()), rating(site.current().rating()), next);
            if (site.compliance().isEmpty()) {
                rows.add(row("site", site.code(), "heading", heading, "level", null, "requirement", text("compliance.none"),
                        "actual", null, "required", null, "met", null));
            }
            for (ReviewResult.Compliance c : site.compliance()) {
                boolean mandatory = c.requirement().startsWith("mandatory:");
                rows.add(row("site", site.code(), "heading", heading,
                        "level", text(c.levelRole().equals("NEXT") ? "level.next" : "level.current", c.level()),
                        // A review stored before texts were keys has English texts: shown as they are, bar the statuses.
                        "requirement", c.labelText() != null ? text(c.labelText()) : requirement(c, criterionNames),
                        "actual", c.actualText() != null ? text(c.actualText())
                                : mandatory ? optionalText("status." + c.actual(), c.actual()) : c.actual(),
                        "required", c.requiredText() != null ? text(c.requiredText())
                                : mandatory ? optionalText("status." + c.required(), c.required()) : c.required(), "met", c.met()));
            }
        }
        return rows;
    }

    /** Verbatim comments, newest first, each with its date and score, and its site when the report covers several. */
    private List<Map<String, Object>> comments(List<ReviewResults.Comment> comments, boolean namingSites) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return comments.stream().map(c -> row("date", date.format(c.submittedAt().atZoneSameInstant(result.zone())),
                "csat", c.csat() == null ? text("noData") : c.csat().toString(), "site", namingSites ? siteLabel(c.siteCode()) : null,
                "text", c.text())).toList();
    }

    /**
     * A region's sites ranked by quality index (highest first; no data last; ties by code), each
     * with its rating and quality index and their change against the previous period.
     */
    private List<Map<String, Object>> siteRanking(List<ReviewResult.Scope> sites) {
        List<ReviewResult.Scope> ranked = byQualityIndex(sites);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ReviewResult.Scope s = ranked.get(i);
            Change index = change(s.current().qualityIndex(), s.previous() == null ? null : s.previous().qualityIndex(), 1, true);
            rows.add(row("rank", i + 1, "code", s.code(), "name", s.name(), "rating", rating(s.current().rating()),
                    "ratingChange", change(s), "index", number(s.current().qualityIndex(), 1),
                    "indexChange", index.text().isEmpty() ? text("noData") : index.marker() + " " + index.text(),
                    "indexGood", index.good()));
        }
        return rows;
    }

    /** A site of the fair ranking: its answers, raw and adjusted CSAT means side by side; a site without answers, blanks. */
    private Map<String, Object> fairRankingRow(ReviewResult.RankedSite site, Integer rank, Integer rawRank, String region) {
        return row("rank", rank, "code", site.siteCode(), "name", siteName(site.siteCode()), "region", region,
                "responses", number(BigDecimal.valueOf(site.csatCount()), Display.COUNT_DECIMALS),
                "rawMean", site.csatMean() == null ? null : number(site.csatMean(), Display.MEAN_DECIMALS),
                "adjustedMean", site.shrunkCsatMean() == null ? null : number(site.shrunkCsatMean(), Display.MEAN_DECIMALS),
                "rawRank", rawRank);
    }

    /**
     * The line under the fair ranking's title saying what "adjusted" means: the formula with the
     * review's k, or why the adjusted mean is the region's mean (no spread between sites) or the raw
     * mean (nothing to estimate from); null when no site has answers. {@code more} is appended.
     */
    private String fairRankingNote(List<ReviewResult.RankedSite> sites, String more) {
        Optional<ReviewResult.RankedSite> ranked = sites.stream().filter(site -> site.rank() != null).findFirst();
        if (ranked.isEmpty()) {
            return null;
        }
        ReviewResult.RankedSite first = ranked.get();
        String note = first.k() != null ? text("fairRanking.adjusted", number(first.k(), Display.MEAN_DECIMALS))
                : first.weight().signum() == 0 ? text("fairRanking.noSpread") : text("fairRanking.notEstimated");
        return more == null ? note : note + " " + more;
    }

    private static List<ReviewResult.Scope> byQualityIndex(List<ReviewResult.Scope> scopes) {
        List<ReviewResult.Scope> ranked = new ArrayList<>(scopes);
        ranked.sort(BY_QUALITY_INDEX);
        return ranked;
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
        p.put("atRisk", scope.warnings().stream().map(w -> row("site", siteLabel(w.siteCode()), "code", w.siteCode(),
                "name", siteName(w.siteCode()), "severity", text("severity." + w.severity()), "warning", text("warning." + w.type()),
                "message", warningDetails(w), "running", running(w))).toList());
        // Under the sites at risk, when any warning of the previous review no longer holds.
        p.put("resolvedHeading", scope.resolvedWarnings().isEmpty() ? null : resolvedHeading());
        p.put("resolved", scope.resolvedWarnings().isEmpty() ? null
                : String.join("\n", scope.resolvedWarnings().stream().map(this::resolvedItem).toList()));
        p.put("trend", scope.trend().stream().map(t -> row("period", t.period(), "csat", real(t.csatMean()), "nps", real(t.nps()),
                "complaintRate", real(t.complaintRatePct()))).toList());
        p.put("pareto", scope.pareto().stream().map(e -> row("category", categoryNames.name(e.category(), locale), "count", e.count(),
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
     * The key drivers of satisfaction (docs/review.md, Key drivers): the table by importance rank
     * ({@code drivers}), the chart's points, the dimensions with a correlation ({@code driverPoints}),
     * and the line of what to fix first ({@code driversFixFirst}).
     */
    private void drivers(ReviewResult.Scope scope, Map<String, Object> p) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> points = new ArrayList<>();
        for (ReviewResult.Driver d : scope.drivers()) {
            String dimension = text("dimension." + d.dimension());
            rows.add(row("rank", d.rank(), "dimension", dimension, "n", number(BigDecimal.valueOf(d.n()), Display.COUNT_DECIMALS),
                    "r", correlation(d), "mean", number(d.mean(), Display.MEAN_DECIMALS),
                    "quadrant", d.quadrant() == null ? "" : text("quadrant." + d.quadrant())));
            if (d.r() != null) {
                points.add(row("dimension", dimension, "performance", real(d.mean()), "importance", real(d.r())));
            }
        }
        p.put("drivers", rows);
        p.put("driverPoints", points);
        p.put("driversFixFirst", fixFirst(scope.drivers()));
    }

    /** "0.94 [0.53, 0.99]"; below the minimum of rows "too few rows (12 of 100)"; without variance "no data". */
    private String correlation(ReviewResult.Driver d) {
        if (d.r() != null) {
            String r = number(d.r(), Display.CORRELATION_DECIMALS);
            return d.rLow() == null ? r : text("drivers.r", r, number(d.rLow(), Display.CORRELATION_DECIMALS),
                    number(d.rHigh(), Display.CORRELATION_DECIMALS));
        }
        return d.n() < driverMinRows ? tooFewRows(d.n()) : text("noData");
    }

    private String tooFewRows(long n) {
        return text("drivers.tooFewRows", number(BigDecimal.valueOf(n), Display.COUNT_DECIMALS),
                number(BigDecimal.valueOf(driverMinRows), Display.COUNT_DECIMALS));
    }

    /**
     * The CONCENTRATE_HERE dimension ranked first (highest r); "too few rows" when no dimension has
     * the minimum of rows; otherwise that there is none to concentrate on.
     */
    private String fixFirst(List<ReviewResult.Driver> drivers) {
        Optional<ReviewResult.Driver> first = drivers.stream()
                .filter(d -> KeyDrivers.Quadrant.CONCENTRATE_HERE.name().equals(d.quadrant())).findFirst();
        if (first.isPresent()) {
            return text("drivers.fixFirst", text("dimension." + first.get().dimension()));
        }
        long most = drivers.stream().mapToLong(ReviewResult.Driver::n).max().orElse(0);
        return most < driverMinRows ? text("drivers.fixFirstTooFewRows", tooFewRows(most)) : text("drivers.noneToConcentrate");
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
        Change change = change(value, previous, decimals, higherIsBetter);
        return row("label", text(key), "value", withUnit(value, decimals, suffix), "previous", withUnit(previous, decimals, suffix),
                "change", change.text(), "marker", change.marker(), "good", change.good());
    }

    /** A change as shown: "+2.3" with ▲ / ▼ / =, and whether it is good (null when neutral or without both figures). */
    private record Change(String text, String marker, Boolean good) {
    }

    private Change change(BigDecimal value, BigDecimal previous, int decimals, Boolean higherIsBetter) {
        if (value == null || previous == null) {
            return new Change("", "", null);
        }
        BigDecimal delta = shownDifference(value, previous, decimals);
        return new Change(signed(delta, decimals), marker(delta),
                higherIsBetter == null || delta.signum() == 0 ? null : (delta.signum() > 0) == higherIsBetter);
    }

    private String withUnit(BigDecimal value, int decimals, String unit) {
        return value == null ? text("noData") : Display.withUnit(number(value, decimals), unit);
    }

    /** The change is between the figures as shown, so that it adds up for the reader. */
    private static BigDecimal shownDifference(BigDecimal value, BigDecimal previous, int decimals) {
        return round(value, decimals).subtract(round(previous, decimals));
    }

    /** "+1.2", "-0.3", "0.0": a change always says its direction by its sign. */
    private String signed(BigDecimal delta, int decimals) {
        return (delta.signum() > 0 ? "+" : "") + number(delta, decimals);
    }

    private static String marker(BigDecimal delta) {
        return delta.signum() > 0 ? "▲" : delta.signum() < 0 ? "▼" : "=";
    }

    /** "+1.2 ▲": a region's quality index against the previous period; "new" without previous figures. */
    private String indexChange(ReviewResult.Scope scope) {
        BigDecimal now = scope.current().qualityIndex();
        BigDecimal before = scope.previous() == null ? null : scope.previous().qualityIndex();
        if (now == null) {
            return text("noData");
        }
        if (before == null) {
            return text("change.NEW");
        }
        Change change = change(now, before, Display.PERCENT_DECIMALS, true);
        return change.text() + " " + change.marker();
    }

    private List<Map<String, Object>> ratings(ReviewResult.Scope scope) {
        return RATINGS.stream().map(r -> row("label", rating(r), "sites", scope.ratingCounts().getOrDefault(r, 0L))).toList();
    }

    private List<Map<String, Object>> ranking(List<ReviewResult.Scope> scopes, Function<ReviewResult.Scope, String> rating,
            Function<ReviewResult.Scope, String> change) {
        List<ReviewResult.Scope> ranked = byQualityIndex(scopes);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ReviewResult.Scope s = ranked.get(i);
            rows.add(row("rank", i + 1, "code", s.code(), "name", s.name(), "index", number(s.current().qualityIndex(), Display.PERCENT_DECIMALS),
                    "csat", number(s.current().csatMean(), Display.MEAN_DECIMALS), "nps", number(s.current().nps(), Display.PERCENT_DECIMALS),
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

    private String siteName(String code) {
        ReviewResult.Scope site = sitesByCode.get(code);
        return site == null ? "" : site.name();
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
        return value == null ? text("noData") : Display.withUnit(number(value, Display.PERCENT_DECIMALS), "%");
    }

    /** Locale digits and separators, rounded half-up to the display decimals; "no data" stays visible as such. */
    String number(BigDecimal value, int decimals) {
        if (value == null) {
            return text("noData");
        }
        return Display.format(value, decimals, locale);
    }

    private static BigDecimal round(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }

    private static Double real(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    /**
     * How long an active warning has run: "new", or its period in the run of consecutive reviewed
     * periods, "3rd month" (第3个月), "2nd quarter", "11th week".
     */
    public String running(ReviewResult.WarningRow warning) {
        if (warning.periodsRunning() <= 1) {
            return text("warning.running.new");
        }
        int n = warning.periodsRunning();
        return text("warning.running." + result.period().kind(), text("ordinal." + ordinalCategory(n), n));
    }

    /** "Resolved since 2026-09": the heading over the previous review's warnings that no longer hold. */
    public String resolvedHeading() {
        return text("resolved.since", result.period().previous().toString());
    }

    /** A resolved warning: its site, its kind and how long it ran ("3 months"). */
    public String resolvedItem(ReviewResult.WarningRow warning) {
        return text("resolved.item", siteLabel(warning.siteCode()), text("warning." + warning.type()),
                text("warning.ran." + result.period().kind(), warning.periodsRunning()));
    }

    /**
     * The English ordinal category of n (CLDR: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st): which
     * {@code ordinal.*} pattern words it. Other languages give every category the same pattern.
     */
    static String ordinalCategory(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "other";
        }
        return switch (n % 10) {
            case 1 -> "one";
            case 2 -> "two";
            case 3 -> "few";
            default -> "other";
        };
    }

    /** A warning's details in the reader's language; a review stored before texts were keys has its English text. */
    public String warningDetails(ReviewResult.WarningRow warning) {
        return warning.details() != null ? text(warning.details()) : warning.message();
    }

    /**
     * A text of the review in the reader's language: its numbers in the locale's digits and grouping
     * with the decimals the review rounded them to, its codes and names as they are. A key this
     * version does not know (a review stored by a later one) shows as key and arguments.
     */
    public String text(TranslatableText text) {
        Object[] arguments = text.arguments().stream()
                .map(a -> a instanceof BigDecimal n ? number(n, Math.max(0, n.scale())) : a).toArray();
        try {
            return text(text.key(), arguments);
        }
        catch (MissingResourceException e) {
            return text.toString();
        }
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
