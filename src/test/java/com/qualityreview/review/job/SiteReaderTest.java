package com.qualityreview.review.job;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The reader over recorded sites (no database needed: it is read only for reviews that recorded none). */
class SiteReaderTest {

    static final ReviewRun KEY = new ReviewRun(Period.parse("2026-10"), 1, ZoneOffset.UTC);
    static final List<ReviewReference.Site> SITES = List.of(new ReviewReference.Site("A", "Alpha", "R1"),
            new ReviewReference.Site("B", "Beta", "R1"), new ReviewReference.Site("C", "Gamma", "R2"),
            new ReviewReference.Site("D", "Delta", "R2"));

    static SiteReader reader() {
        ExecutionContext job = new ExecutionContext();
        ReviewedSites.record(job, SITES);
        return new SiteReader(job, null, KEY);
    }

    static List<String> readAll(SiteReader reader) {
        List<String> codes = new ArrayList<>();
        for (ReviewReference.Site site = reader.read(); site != null; site = reader.read()) {
            codes.add(site.code());
        }
        return codes;
    }

    @Test
    void eachCommitSavesTheCodeOfTheLastSiteReadAndHowManyAreDone() {
        SiteReader reader = reader();
        ExecutionContext step = new ExecutionContext();
        reader.open(step);
        reader.read();
        reader.read();

        reader.update(step);

        assertThat(step.getString(SiteReader.LAST_SITE)).isEqualTo("B");
        assertThat(step.getLong(SiteReader.SITES_DONE)).isEqualTo(2);
        assertThat(step.getInt(ReviewContext.VERSION_KEY)).isEqualTo(ReviewContext.VERSION);
    }

    @Test
    void aRestartResumesAfterTheLastCommittedSiteByItsCode() {
        ExecutionContext step = new ExecutionContext();
        step.putString(SiteReader.LAST_SITE, "B");
        step.putLong(SiteReader.SITES_DONE, 2);
        ReviewContext.mark(step);
        SiteReader reader = reader();

        reader.open(step);

        assertThat(readAll(reader)).containsExactly("C", "D");
        reader.update(step);
        assertThat(step.getLong(SiteReader.SITES_DONE)).isEqualTo(4);
    }

    @Test
    void aPartitionReadsOnlyTheSitesOfItsRangeAndResumesWithinIt() {
        ExecutionContext partition = new ExecutionContext();
        partition.putString(SiteRangePartitioner.FIRST_SITE, "B");
        partition.putString(SiteRangePartitioner.LAST_SITE, "C");
        partition.putInt(SiteRangePartitioner.SITES, 2);
        SiteReader reader = reader();
        reader.open(partition);
        assertThat(readAll(reader)).containsExactly("B", "C");

        partition.putString(SiteReader.LAST_SITE, "B");
        partition.putLong(SiteReader.SITES_DONE, 1);
        ReviewContext.mark(partition);
        SiteReader restarted = reader();
        restarted.open(partition);
        assertThat(readAll(restarted)).containsExactly("C");
    }

    @Test
    void aPartitionWithoutSitesReadsNone() {
        ExecutionContext partition = new ExecutionContext();
        partition.putInt(SiteRangePartitioner.SITES, 0);
        SiteReader reader = reader();
        reader.open(partition);

        assertThat(reader.read()).isNull();
    }

    @Test
    void aFreshStartReadsEveryRecordedSiteInOrder() {
        SiteReader reader = reader();
        reader.open(new ExecutionContext());

        assertThat(readAll(reader)).containsExactly("A", "B", "C", "D");
    }

    @Test
    void aLastSiteThatWasNeverRecordedIsAnError() {
        ExecutionContext step = new ExecutionContext();
        step.putString(SiteReader.LAST_SITE, "BB");
        SiteReader reader = reader();

        assertThatThrownBy(() -> reader.open(step)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the review of 2026-10 revision 1 last summarised site BB, which is not among the sites recorded when it started");
    }

    @Test
    void aStepContextOfAnUnknownVersionIsRefused() {
        ExecutionContext step = new ExecutionContext();
        step.putInt(ReviewContext.VERSION_KEY, 3);

        assertThatThrownBy(() -> reader().open(step)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 3, which this release cannot read");
    }
}
