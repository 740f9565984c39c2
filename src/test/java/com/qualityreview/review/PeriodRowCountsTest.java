package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The data-quality appendix's sums, by hand. */
class PeriodRowCountsTest {

    @Test
    void aDatedSourceSumsItsImportsRowsOfThePeriodAndTheirUndatedRejects() {
        PeriodRowCounts counts = new PeriodRowCounts();
        counts.add(new PeriodRowCounts.DatedImport("feedback", 6, 0, 0, true, false));
        counts.add(new PeriodRowCounts.DatedImport("feedback", 2, 1, 1, true, false)); // a late file, one undated reject

        assertThat(counts.counts()).filteredOn(c -> c.kind().equals("feedback"))
                .extracting(ReviewResult.SourceCounts::files, ReviewResult.SourceCounts::read, ReviewResult.SourceCounts::written,
                        ReviewResult.SourceCounts::rejected, ReviewResult.SourceCounts::rejectedUndated)
                .containsExactly(tuple(2L, 10L, 8L, 2L, 1L));
    }

    @Test
    void anImportWithoutRowsOfThePeriodIsLeftOutWithItsUndatedRejects() {
        PeriodRowCounts counts = new PeriodRowCounts();
        counts.add(new PeriodRowCounts.DatedImport("audits", 0, 0, 3, true, true)); // its dated rows are of another period

        assertThat(counts.counts()).filteredOn(c -> c.kind().equals("audits"))
                .extracting(ReviewResult.SourceCounts::files, ReviewResult.SourceCounts::read).containsExactly(tuple(0L, 0L));
    }

    @Test
    void anImportWithoutAnyDatedRowCountsItsRejectsInThePeriodItFinishedIn() {
        PeriodRowCounts finishedInThePeriod = new PeriodRowCounts();
        finishedInThePeriod.add(new PeriodRowCounts.DatedImport("kpis", 0, 0, 4, false, true));
        PeriodRowCounts finishedInAnother = new PeriodRowCounts();
        finishedInAnother.add(new PeriodRowCounts.DatedImport("kpis", 0, 0, 4, false, false));

        assertThat(finishedInThePeriod.counts()).filteredOn(c -> c.kind().equals("kpis"))
                .extracting(ReviewResult.SourceCounts::files, ReviewResult.SourceCounts::read, ReviewResult.SourceCounts::written,
                        ReviewResult.SourceCounts::rejected, ReviewResult.SourceCounts::rejectedUndated)
                .containsExactly(tuple(1L, 4L, 0L, 4L, 4L));
        assertThat(finishedInAnother.counts()).filteredOn(c -> c.kind().equals("kpis"))
                .extracting(ReviewResult.SourceCounts::read).containsExactly(0L);
    }

    @Test
    void referenceDataShowsItsLatestImportAndEverySourceHasALineInOrder() {
        PeriodRowCounts counts = new PeriodRowCounts();
        OffsetDateTime first = OffsetDateTime.parse("2026-09-01T08:00:00Z");
        counts.add(new PeriodRowCounts.ReferenceImport("sites", first.plusDays(30), 40, 39, 1));
        counts.add(new PeriodRowCounts.ReferenceImport("sites", first, 12, 12, 0)); // older: not the one in force

        assertThat(counts.counts()).extracting(ReviewResult.SourceCounts::kind, ReviewResult.SourceCounts::reference,
                ReviewResult.SourceCounts::files, ReviewResult.SourceCounts::read, ReviewResult.SourceCounts::written,
                ReviewResult.SourceCounts::rejected, ReviewResult.SourceCounts::importedAt).containsExactly(
                tuple("feedback", false, 0L, 0L, 0L, 0L, null),
                tuple("audits", false, 0L, 0L, 0L, 0L, null),
                tuple("kpis", false, 0L, 0L, 0L, 0L, null),
                tuple("sites", true, 1L, 40L, 39L, 1L, first.plusDays(30)),
                tuple("criteria", true, 0L, 0L, 0L, 0L, null),
                tuple("kpi-definitions", true, 0L, 0L, 0L, 0L, null));
    }

    @Test
    void anUnknownSourceIsAnError() {
        assertThatThrownBy(() -> new PeriodRowCounts().add(new PeriodRowCounts.DatedImport("sites", 1, 0, 0, true, false)))
                .hasMessageContaining("not a dated source: sites");
    }
}
