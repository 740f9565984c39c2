package com.qualityreview.review;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality appendix's sums (SPEC section 8, docs/reports.md): per source, the rows of the
 * period that the imports completed before the review read, wrote and rejected, whenever they
 * were imported. Dated sources count the rows dated in the period; an import's rejects without a
 * usable date are counted with every period its dated rows fall in, or, when it has no dated rows
 * at all, with the period it finished in, so that none is left out. Reference data counts the
 * latest import of each kind as of the review. Memory is bounded by the sources, not by imports.
 */
final class PeriodRowCounts {

    /** The sources whose rows have a date, in the appendix's order. */
    static final List<String> DATED_SOURCES = List.of("feedback", "audits", "kpis");
    /** The reference data, undated, in the appendix's order after the dated sources. */
    static final List<String> REFERENCE_SOURCES = List.of("sites", "criteria", "kpi-definitions");

    /**
     * One completed import of a dated source.
     *
     * @param periodWritten its rows dated in the period that it wrote
     * @param periodRejected its rows dated in the period that it rejected
     * @param undatedRejected its rejects without a usable date
     * @param hasDatedRows whether any of its rows, in any period, had a usable date
     * @param finishedInPeriod whether it completed within the period
     */
    record DatedImport(String kind, long periodWritten, long periodRejected, long undatedRejected, boolean hasDatedRows,
            boolean finishedInPeriod) {
    }

    /** The latest completed import of a reference source as of the review. */
    record ReferenceImport(String kind, OffsetDateTime finishedAt, long read, long written, long rejected) {
    }

    private final Map<String, long[]> dated = new LinkedHashMap<>();
    private final Map<String, ReferenceImport> reference = new LinkedHashMap<>();

    PeriodRowCounts() {
        DATED_SOURCES.forEach(kind -> dated.put(kind, new long[4]));
    }

    void add(DatedImport i) {
        long[] sums = dated.get(i.kind());
        if (sums == null) {
            throw new IllegalArgumentException("not a dated source: " + i.kind());
        }
        boolean ofThePeriod = i.periodWritten() + i.periodRejected() > 0;
        boolean undatedHere = ofThePeriod || !i.hasDatedRows() && i.finishedInPeriod();
        long undated = undatedHere ? i.undatedRejected() : 0;
        if (!ofThePeriod && undated == 0) {
            return;
        }
        sums[0]++;
        sums[1] += i.periodWritten();
        sums[2] += i.periodRejected() + undated;
        sums[3] += undated;
    }

    void add(ReferenceImport i) {
        if (!REFERENCE_SOURCES.contains(i.kind())) {
            throw new IllegalArgumentException("not a reference source: " + i.kind());
        }
        ReferenceImport known = reference.get(i.kind());
        if (known == null || !i.finishedAt().isBefore(known.finishedAt())) {
            reference.put(i.kind(), i);
        }
    }

    /** Every source, dated ones first; a source without imports shows zeros (and no date, for reference data). */
    List<ReviewResult.SourceCounts> counts() {
        List<ReviewResult.SourceCounts> counts = new ArrayList<>();
        dated.forEach((kind, s) -> counts.add(new ReviewResult.SourceCounts(kind, false, s[0], s[1] + s[2], s[1], s[2], s[3], null)));
        for (String kind : REFERENCE_SOURCES) {
            ReferenceImport i = reference.get(kind);
            counts.add(i == null
                    ? new ReviewResult.SourceCounts(kind, true, 0, 0, 0, 0, 0, null)
                    : new ReviewResult.SourceCounts(kind, true, 1, i.read(), i.written(), i.rejected(), i.rejected(), i.finishedAt()));
        }
        return counts;
    }
}
