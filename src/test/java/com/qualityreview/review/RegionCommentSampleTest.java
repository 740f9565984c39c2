package com.qualityreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.qualityreview.review.ReviewResults.Comment;

import org.junit.jupiter.api.Test;

/** How a region's comment sample is chosen from each site's newest low-scored and newest other comment. */
class RegionCommentSampleTest {

    private static Comment comment(String site, int day, int csat) {
        return new Comment(site, OffsetDateTime.parse("2026-10-01T09:00:00Z").plusDays(day), csat, site + " day " + day);
    }

    @Test
    void takesTheNewestHalfOfEachKindNewestFirst() {
        List<Comment> low = new ArrayList<>();
        List<Comment> other = new ArrayList<>();
        for (int site = 1; site <= 8; site++) {
            low.add(comment("S" + site, site, 2));
            other.add(comment("S" + site, 10 + site, 5));
        }

        List<Comment> sample = ReviewResults.sampleOf(low, other, 6);

        // the three newest low-scored (days 8, 7, 6) and the three newest others (days 18, 17, 16)
        assertThat(sample).extracting(Comment::text).containsExactly("S8 day 18", "S7 day 17", "S6 day 16",
                "S8 day 8", "S7 day 7", "S6 day 6");
    }

    @Test
    void aKindThatRunsShortLeavesItsRoomToTheOther() {
        List<Comment> low = List.of(comment("A", 3, 1));
        List<Comment> other = List.of(comment("A", 1, 5), comment("B", 2, 4), comment("C", 4, 5), comment("D", 5, 5));

        assertThat(ReviewResults.sampleOf(low, other, 4)).extracting(Comment::text)
                .containsExactly("D day 5", "C day 4", "A day 3", "B day 2");
        assertThat(ReviewResults.sampleOf(other, low, 4)).extracting(Comment::text)
                .containsExactly("D day 5", "C day 4", "A day 3", "B day 2");
    }

    @Test
    void fewerCandidatesThanTheLimitAreAllShownAndTiesGoBySiteCode() {
        List<Comment> low = List.of(comment("B", 2, 3), comment("A", 2, 1));

        assertThat(ReviewResults.sampleOf(low, List.of(), 10)).extracting(Comment::siteCode).containsExactly("A", "B");
        assertThat(ReviewResults.sampleOf(List.of(), List.of(), 10)).isEmpty();
    }
}
