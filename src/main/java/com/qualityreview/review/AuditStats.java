package com.qualityreview.review;

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
 * Mergeable audit accumulator for one scope and period: distinct audit ids (audits are few
 * compared with feedback, so a set is fine), exact PASS/FAIL points, and PASS/FAIL counts per
 * criterion for the mandatory status.
 */
public final class AuditStats implements java.io.Serializable {

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

    /** Distinct audit ids (NA-only audits included). */
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
}
