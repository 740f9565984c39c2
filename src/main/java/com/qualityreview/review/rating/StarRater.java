package com.qualityreview.review.rating;

import com.qualityreview.review.TranslatableText;
import com.qualityreview.review.metrics.KpiResult;
import com.qualityreview.review.metrics.ScopeFigures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a {@link RatingScheme} to a site's {@link ScopeFigures}.
 *
 * <p>UNRATED when feedback_count &lt; minimum-feedback. Otherwise the highest N such that the
 * site meets levels 1..N (0 when it misses level 1). Level N is met when every threshold of N
 * is met (no data = not met; exactly at the threshold = met), all-kpis-met (when true) holds,
 * and every criterion with 1 ≤ mandatory_from_star ≤ N is MET (FAILED and NOT_ASSESSED cap).
 *
 * <p>Compliance detail lists, for each level shown: the minimum-feedback requirement first
 * (it applies to every level), then the level's thresholds in {@link Threshold} order, then
 * all-kpis-met, then every mandatory criterion with 1 ≤ mandatory_from_star ≤ N (all of them,
 * not only those new at N, since each is a condition of holding N).
 */
public final class StarRater {

    private final RatingScheme scheme;

    public StarRater(RatingScheme scheme) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    public RatingScheme scheme() {
        return scheme;
    }

    public RatingResult rate(ScopeFigures figures) {
        if (figures.feedbackCount() < scheme.minimumFeedback()) {
            return new RatingResult(Rating.UNRATED, Optional.empty(), Optional.of(compliance(figures, 1)));
        }
        int stars = 0;
        while (stars < 5 && compliance(figures, stars + 1).met()) {
            stars++;
        }
        return new RatingResult(Rating.stars(stars),
                stars > 0 ? Optional.of(compliance(figures, stars)) : Optional.empty(),
                stars < 5 ? Optional.of(compliance(figures, stars + 1)) : Optional.empty());
    }

    /** Every requirement of level {@code n} for this site, with actual, required and met. */
    public LevelCompliance compliance(ScopeFigures f, int n) {
        RatingLevel level = scheme.level(n);
        List<Requirement> requirements = new ArrayList<>();
        requirements.add(new Requirement(Requirement.MINIMUM_FEEDBACK,
                TranslatableText.of("requirement." + Requirement.MINIMUM_FEEDBACK), Comparison.AT_LEAST,
                Optional.of(BigDecimal.valueOf(f.feedbackCount())),
                Optional.of(BigDecimal.valueOf(scheme.minimumFeedback())), Optional.empty(), 0,
                f.feedbackCount() >= scheme.minimumFeedback()));
        level.thresholds().forEach((t, required) -> {
            Optional<BigDecimal> actual = t.actual(f);
            requirements.add(new Requirement(t.key(), TranslatableText.of("requirement." + t.key()), t.comparison(), actual, Optional.of(required),
                    Optional.empty(), t.displayDecimals(), t.isMet(actual, required)));
        });
        if (level.allKpisMet()) {
            long withValue = f.kpis().stream().filter(KpiResult::hasValue).count();
            long met = f.kpis().stream().filter(KpiResult::met).count();
            requirements.add(new Requirement(Threshold.ALL_KPIS_MET_KEY,
                    TranslatableText.of("requirement." + Threshold.ALL_KPIS_MET_KEY), Comparison.ALL_KPIS_MET,
                    withValue == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(met)),
                    withValue == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(withValue)),
                    Optional.empty(), 0, withValue > 0 && met == withValue));
        }
        for (MandatoryCriterionStatus m : f.mandatoryStatuses()) {
            if (m.mandatoryFromStar() >= 1 && m.mandatoryFromStar() <= n) {
                TranslatableText label = TranslatableText.of("requirement.mandatory",
                        m.criterionName() == null ? m.criterionCode() : m.criterionName());
                requirements.add(new Requirement(Requirement.MANDATORY_PREFIX + m.criterionCode(), label,
                        Comparison.MANDATORY_MET, Optional.empty(), Optional.empty(), Optional.of(m.status()), 0,
                        m.status() == MandatoryStatus.MET));
            }
        }
        return new LevelCompliance(n, requirements);
    }
}
