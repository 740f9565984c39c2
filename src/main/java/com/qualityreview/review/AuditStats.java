package com.qualityreview.review;

import com.qualityreview.review.rating.MandatoryCriterionStatus;
import com.qualityreview.review.rating.MandatoryStatus;
import com.qualityreview.review.metrics.AuditResult;
import com.qualityreview.review.metrics.Criterion;
import com.qualityreview.review.metrics.Numbers;
import com.qualityreview.review.metrics.Sums;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mergeable audit accumulator for one scope and period: exact PASS/FAIL points, PASS/FAIL counts per
 * criterion for the mandatory status and, for items added with their audit id, the distinct ids.
 *
 * <p>The ids grow with the audits, so the review adds items in bulk without ids ({@link #add(Criterion,
 * AuditResult, long)}, counted per criterion by the database) and has the database count a scope's
 * distinct audits too; {@link #auditCount()} then says 0 and the count is given to
 * {@link ScopeStats#figures(List, List, QualityIndexWeights, long)}.
 */
public final class AuditStats implements Serializable {

    // The identifier the class had when reviews saved it whole (version 1 execution contexts), kept so
    // that those contexts still load; reviews now save its sums (see #writeSums).
    private static final long serialVersionUID = -422281310653747775L;

    private final Set<String> auditIds = new HashSet<>();
    private long passPoints;
    private long assessedPoints; // PASS + FAIL
    private final Map<String, long[]> passFailByCriterion = new HashMap<>(); // {pass, fail}

    /**
     * Adds one audit item.
     *
     * @param points            the criterion's points (&gt; 0)
     * @param mandatoryFromStar the criterion's mandatory_from_star (0–5); only checked here, the
     *                          mandatory status comes from the criteria list given to {@link #mandatoryStatuses}
     */
    public AuditStats add(String auditId, String criterionCode, int points, int mandatoryFromStar, AuditResult result) {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be > 0, got " + points + " for " + criterionCode);
        }
        if (mandatoryFromStar < 0 || mandatoryFromStar > 5) {
            throw new IllegalArgumentException("mandatory_from_star must be 0 to 5, got " + mandatoryFromStar);
        }
        auditIds.add(auditId);
        long[] pf = passFailByCriterion.computeIfAbsent(criterionCode, k -> new long[2]);
        switch (result) {
            case PASS -> {
                passPoints += points;
                assessedPoints += points;
                pf[0]++;
            }
            case FAIL -> {
                assessedPoints += points;
                pf[1]++;
            }
            case NA -> {
                // counts for audit_count only
            }
        }
        return this;
    }

    public AuditStats add(String auditId, Criterion criterion, AuditResult result) {
        return add(auditId, criterion.code(), criterion.points(), criterion.mandatoryFromStar(), result);
    }

    /** Adds {@code items} items of one criterion and result, without their audit ids (not counted in {@link #auditCount()}). */
    public AuditStats add(Criterion criterion, AuditResult result, long items) {
        if (items < 0) {
            throw new IllegalArgumentException("items must be >= 0, got " + items);
        }
        long[] pf = passFailByCriterion.computeIfAbsent(criterion.code(), k -> new long[2]);
        switch (result) {
            case PASS -> {
                passPoints += criterion.points() * items;
                assessedPoints += criterion.points() * items;
                pf[0] += items;
            }
            case FAIL -> {
                assessedPoints += criterion.points() * items;
                pf[1] += items;
            }
            case NA -> {
                // no points, no status
            }
        }
        return this;
    }

    /** Adds the other scope's items (audit ids are unioned, so an audit is never counted twice). */
    public AuditStats merge(AuditStats o) {
        auditIds.addAll(o.auditIds);
        passPoints += o.passPoints;
        assessedPoints += o.assessedPoints;
        o.passFailByCriterion.forEach((code, pf) -> {
            long[] mine = passFailByCriterion.computeIfAbsent(code, k -> new long[2]);
            mine[0] += pf[0];
            mine[1] += pf[1];
        });
        return this;
    }

    /** Distinct audit ids of the items added with one (NA-only audits included). */
    public long auditCount() {
        return auditIds.size();
    }

    public long passPoints() {
        return passPoints;
    }

    public long assessedPoints() {
        return assessedPoints;
    }

    /** 100 × PASS points / (PASS + FAIL) points; no data when no PASS or FAIL item. */
    public Optional<BigDecimal> auditScorePct() {
        return Numbers.percent(passPoints, assessedPoints);
    }

    public MandatoryStatus status(String criterionCode) {
        long[] pf = passFailByCriterion.get(criterionCode);
        if (pf == null || pf[0] + pf[1] == 0) {
            return MandatoryStatus.NOT_ASSESSED;
        }
        return pf[1] > 0 ? MandatoryStatus.FAILED : MandatoryStatus.MET;
    }

    /**
     * Status of every mandatory criterion (mandatory_from_star &gt; 0) among {@code criteria},
     * including those this scope has no item for (NOT_ASSESSED); ordered by mandatory_from_star, then code.
     */
    public List<MandatoryCriterionStatus> mandatoryStatuses(Collection<Criterion> criteria) {
        return criteria.stream()
                .filter(Criterion::isMandatory)
                .sorted(Comparator.comparingInt(Criterion::mandatoryFromStar).thenComparing(Criterion::code))
                .map(c -> new MandatoryCriterionStatus(c.code(), c.name(), c.mandatoryFromStar(), status(c.code())))
                .toList();
    }

    private static final String PASS = "pass:";
    private static final String FAIL = "fail:";

    /**
     * Saves the points and the PASS/FAIL counts per criterion (under "pass:" or "fail:" and its
     * code); not the audit ids, which grow with the audits.
     */
    void writeSums(Sums sums) {
        sums.put("passPoints", passPoints);
        sums.put("assessedPoints", assessedPoints);
        passFailByCriterion.forEach((code, pf) -> {
            sums.put(PASS + code, pf[0]);
            sums.put(FAIL + code, pf[1]);
        });
    }

    /** The stats {@link #writeSums} saved (with no audit ids). */
    static AuditStats readSums(Sums sums) {
        AuditStats stats = new AuditStats();
        stats.passPoints = sums.count("passPoints");
        stats.assessedPoints = sums.count("assessedPoints");
        for (String code : sums.suffixes(PASS)) {
            stats.passFailByCriterion.put(code, new long[] {sums.count(PASS + code), sums.count(FAIL + code)});
        }
        return stats;
    }
}
