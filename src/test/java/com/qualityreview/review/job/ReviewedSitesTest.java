package com.qualityreview.review.job;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

class ReviewedSitesTest {

    static final ReviewRun KEY = new ReviewRun(Period.parse("2026-10"), 1, ZoneOffset.UTC);

    @Test
    void theRecordedSitesReadBackInTheirOrderWithTheirNamesAndRegions() {
        List<ReviewReference.Site> sites = List.of(new ReviewReference.Site("A", "Alpha 甲, \"north\"\tside", "R1"),
                new ReviewReference.Site("B", "", "R1"), new ReviewReference.Site("C", "Gamma", "R2"));
        ExecutionContext job = new ExecutionContext();

        ReviewedSites.record(job, sites);

        assertThat(ReviewedSites.recorded(job, KEY)).contains(sites);
        assertThat(job.get(ReviewedSites.KEY).getClass().getName()).startsWith("java.util.");
    }

    @Test
    void aReviewThatRecordedNoSitesHasNone() {
        assertThat(ReviewedSites.recorded(new ExecutionContext(), KEY)).isEmpty();
    }

    @Test
    void aJobContextOfAnUnknownVersionIsRefused() {
        ExecutionContext job = new ExecutionContext();
        ReviewedSites.record(job, List.of(new ReviewReference.Site("A", "Alpha", "R1")));
        job.putInt(ReviewContext.VERSION_KEY, 7);

        assertThatThrownBy(() -> ReviewedSites.recorded(job, KEY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was saved in the format of version 7, which this release cannot read");
    }
}
