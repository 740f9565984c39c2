package com.qualityreview.review.rating;

import com.qualityreview.review.metrics.Display;
import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.KpiDirection;
import com.qualityreview.review.TranslatableText;
import com.qualityreview.review.metrics.KpiResult;
import com.qualityreview.review.metrics.ScopeFigures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Warning rules (section 6), per site and period.
 *
 * <ul>
 *   <li>DOWNGRADE: rated both periods and fewer stars now: one level MODERATE, two or more
 *       SEVERE. Rated before and UNRATED now: MINOR (the site lost its rating for lack of
 *       feedback, which management should see, but it says nothing about quality).
 *       No previous rating or previously UNRATED: no warning.</li>
 *   <li>MANDATORY_FAILED: SEVERE, one per mandatory criterion (mandatory_from_star &gt; 0) with status
 *       FAILED, whatever the rating (also for UNRATED sites).</li>
 *   <li>COMPLAINT_SPIKE: MODERATE when this period has at least 5 complaints and its complaint rate
 *       is at least twice the previous period's. A previous rate of 0 % counts as a spike (from no
 *       complaints to at least 5); no previous rate (no feedback or no previous period) is no spike.</li>
 *   <li>KPI_MISS: MINOR, one per KPI whose value misses the target by more than 20 % of |target|
 *       (see {@link KpiDefinition}).</li>
 * </ul>
 */
public final class Warnings {

    public static final long COMPLAINT_SPIKE_MIN_COMPLAINTS = 5;

    /** Most severe first, then by type (DOWNGRADE, MANDATORY_FAILED, COMPLAINT_SPIKE, KPI_MISS), then subject. */
    public static final Comparator<Warning> MOST_SEVERE_FIRST = Comparator
            .comparing(Warning::severity, Comparator.reverseOrder())
            .thenComparing(Warning::type)
            .thenComparing(w -> w.subject().orElse(""));

    private Warnings() {
    }

    /** All warnings of one site, most severe first. */
    public static List<Warning> evaluate(String siteCode, ScopeFigures current, Rating currentRating,
                                         Optional<ScopeFigures> previous, Optional<Rating> previousRating) {
        List<Warning> warnings = new ArrayList<>();
        downgrade(siteCode, current, currentRating, previousRating).ifPresent(warnings::add);
        warnings.addAll(mandatoryFailed(siteCode, current));
        complaintSpike(siteCode, current, previous).ifPresent(warnings::add);
        warnings.addAll(kpiMisses(siteCode, current));
        warnings.sort(MOST_SEVERE_FIRST);
        return List.copyOf(warnings);
    }

    public static Optional<Warning> downgrade(String siteCode, ScopeFigures current, Rating currentRating,
                                              Optional<Rating> previousRating) {
        if (previousRating.isEmpty() || !previousRating.get().isRated()) {
            return Optional.empty();
        }
        Rating prev = previousRating.get();
        int before = prev.stars().getAsInt();
        if (!currentRating.isRated()) {
            return Optional.of(new Warning(siteCode, WarningType.DOWNGRADE, Severity.MINOR, Optional.empty(),
                    TranslatableText.of("warning.text.DOWNGRADE.unrated", before, current.feedbackCount())));
        }
        int now = currentRating.stars().getAsInt();
        if (now >= before) {
            return Optional.empty();
        }
        Severity severity = before - now >= 2 ? Severity.SEVERE : Severity.MODERATE;
        return Optional.of(new Warning(siteCode, WarningType.DOWNGRADE, severity, Optional.empty(),
                TranslatableText.of("warning.text.DOWNGRADE", before, now)));
    }

    public static List<Warning> mandatoryFailed(String siteCode, ScopeFigures current) {
        return current.mandatoryStatuses().stream()
                .filter(m -> m.mandatoryFromStar() > 0 && m.status() == MandatoryStatus.FAILED)
                .map(m -> new Warning(siteCode, WarningType.MANDATORY_FAILED, Severity.SEVERE,
                        Optional.of(m.criterionCode()),
                        m.criterionName() == null
                                ? TranslatableText.of("warning.text.MANDATORY_FAILED.unnamed", m.criterionCode(), m.mandatoryFromStar())
                                : TranslatableText.of("warning.text.MANDATORY_FAILED", m.criterionCode(), m.mandatoryFromStar(),
                                        m.criterionName())))
                .toList();
    }

    public static Optional<Warning> complaintSpike(String siteCode, ScopeFigures current, Optional<ScopeFigures> previous) {
        if (current.complaintCount() < COMPLAINT_SPIKE_MIN_COMPLAINTS || current.complaintRatePct().isEmpty()) {
            return Optional.empty();
        }
        Optional<BigDecimal> previousRate = previous.flatMap(ScopeFigures::complaintRatePct);
        if (previousRate.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal now = current.complaintRatePct().get();
        BigDecimal before = previousRate.get();
        if (now.compareTo(before.multiply(BigDecimal.valueOf(2))) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Warning(siteCode, WarningType.COMPLAINT_SPIKE, Severity.MODERATE, Optional.empty(),
                TranslatableText.of("warning.text.COMPLAINT_SPIKE", Display.percent(now), Display.percent(before),
                        current.complaintCount())));
    }

    public static List<Warning> kpiMisses(String siteCode, ScopeFigures current) {
        return current.kpis().stream()
                .filter(KpiResult::missedBeyondTolerance)
                .map(k -> {
                    KpiDefinition d = k.definition();
                    // The unit is data (as the KPI file writes it): "%" written close, any other after a space.
                    String unit = Display.withUnit("", d.unit());
                    int decimals = Display.kpiDecimals(d.unit());
                    String op = d.direction() == KpiDirection.HIGHER_BETTER ? "≥" : "≤";
                    // The target as stored has the database's 6 decimals: shown as the value is, by its unit.
                    return new Warning(siteCode, WarningType.KPI_MISS, Severity.MINOR, Optional.of(d.code()),
                            TranslatableText.of("warning.text.KPI_MISS", d.name() == null ? d.code() : d.name(),
                                    k.value().orElseThrow().setScale(decimals, RoundingMode.HALF_UP), unit, op,
                                    d.target().setScale(decimals, RoundingMode.HALF_UP)));
                })
                .toList();
    }

    /**
     * What the order of sites at risk reads of a warning, whichever form it has (evaluated now, or
     * stored with its history).
     *
     * @param periodsRunning consecutive reviewed periods the warning has held, this one included
     * @param subject        the criterion or KPI code; empty for DOWNGRADE and COMPLAINT_SPIKE
     */
    public record AtRisk(String siteCode, Severity severity, int periodsRunning, WarningType type, String subject) {
    }

    /** Sites at risk of warnings just evaluated: each has run one period so far. */
    public static List<SiteWarnings> sitesAtRisk(Collection<Warning> warnings) {
        return sitesAtRisk(warnings, w -> new AtRisk(w.siteCode(), w.severity(), 1, w.type(), w.subject().orElse(""))).stream()
                .map(site -> new SiteWarnings(site.get(0).siteCode(), site))
                .toList();
    }

    /**
     * The warnings of sites with at least one, grouped by site, sites at risk first: highest severity
     * first, then the one whose longest-running warning of that severity has run longest (continuing
     * severe problems before new ones), then more SEVERE, more MODERATE, more MINOR warnings, then site
     * code. Each site's warnings: most severe first, then longest running, then type and subject.
     */
    public static <W> List<List<W>> sitesAtRisk(Collection<W> warnings, Function<W, AtRisk> read) {
        Comparator<AtRisk> withinSite = Comparator.comparing(AtRisk::severity, Comparator.reverseOrder())
                .thenComparing(AtRisk::periodsRunning, Comparator.reverseOrder())
                .thenComparing(AtRisk::type)
                .thenComparing(AtRisk::subject);
        Map<String, List<W>> bySite = new LinkedHashMap<>();
        warnings.forEach(w -> bySite.computeIfAbsent(read.apply(w).siteCode(), k -> new ArrayList<>()).add(w));
        bySite.values().forEach(site -> site.sort(Comparator.comparing(read, withinSite)));
        // A site's first warning is its most severe, and of those the longest running.
        Comparator<List<W>> order = Comparator
                .comparing((List<W> site) -> read.apply(site.get(0)).severity(), Comparator.reverseOrder())
                .thenComparing(site -> read.apply(site.get(0)).periodsRunning(), Comparator.reverseOrder())
                .thenComparing(site -> count(site, read, Severity.SEVERE), Comparator.reverseOrder())
                .thenComparing(site -> count(site, read, Severity.MODERATE), Comparator.reverseOrder())
                .thenComparing(site -> count(site, read, Severity.MINOR), Comparator.reverseOrder())
                .thenComparing(site -> read.apply(site.get(0)).siteCode());
        return bySite.values().stream().sorted(order).map(List::copyOf).toList();
    }

    private static <W> long count(List<W> site, Function<W, AtRisk> read, Severity severity) {
        return site.stream().filter(w -> read.apply(w).severity() == severity).count();
    }

}
