package com.qualityreview.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewResult;

import org.junit.jupiter.api.Test;

/** Render partitions running at once in one process share one loaded copy of their review's results, and only while they run. */
class LoadedReviewResultsTest {

    static final Period OCTOBER = Period.parse("2026-10");

    final AtomicInteger loads = new AtomicInteger();

    @Test
    void partitionsOfOneReviewAskingAtOnceGetTheCopyTheFirstLoaded() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        LoadedReviewResults results = new LoadedReviewResults((period, revision) -> {
            loads.incrementAndGet();
            await(loading);
            return Optional.of(result(period, revision));
        });

        List<CompletableFuture<ReviewResult>> partitions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            partitions.add(CompletableFuture.supplyAsync(() -> results.acquire(OCTOBER, 1)));
        }
        Thread.sleep(200);
        loading.countDown();

        ReviewResult first = partitions.get(0).get(10, TimeUnit.SECONDS);
        for (CompletableFuture<ReviewResult> partition : partitions) {
            assertThat(partition.get(10, TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(loads).hasValue(1);
        for (int i = 0; i < 3; i++) {
            results.release(OCTOBER, 1);
        }
        assertThat(results.held()).as("one partition still uses it").isOne();
        results.release(OCTOBER, 1);
        assertThat(results.held()).isZero();
    }

    @Test
    void aPartitionStartingAfterTheOthersEndedReadsTheStoredResultsAgain() {
        LoadedReviewResults results = new LoadedReviewResults(this::countedLoad);
        ReviewResult first = results.acquire(OCTOBER, 1);
        results.release(OCTOBER, 1);

        ReviewResult later = results.acquire(OCTOBER, 1);

        assertThat(later).isNotSameAs(first);
        assertThat(loads).hasValue(2);
    }

    @Test
    void anotherRevisionOrPeriodIsLoadedOnItsOwn() {
        LoadedReviewResults results = new LoadedReviewResults(this::countedLoad);

        ReviewResult october1 = results.acquire(OCTOBER, 1);
        ReviewResult october2 = results.acquire(OCTOBER, 2);
        ReviewResult november1 = results.acquire(Period.parse("2026-11"), 1);

        assertThat(results.acquire(OCTOBER, 1)).isSameAs(october1);
        assertThat(october2.revision()).isEqualTo(2);
        assertThat(november1.period()).isEqualTo(Period.parse("2026-11"));
        assertThat(loads).hasValue(3);
    }

    @Test
    void aReviewWithoutStoredResultsIsRefusedNamingIt() {
        LoadedReviewResults results = new LoadedReviewResults((period, revision) -> Optional.empty());

        assertThatThrownBy(() -> results.acquire(OCTOBER, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the review of 2026-10 revision 3 has no stored results to render");
        assertThat(results.held()).isZero();
    }

    private Optional<ReviewResult> countedLoad(Period period, int revision) {
        loads.incrementAndGet();
        return Optional.of(result(period, revision));
    }

    private static ReviewResult result(Period period, int revision) {
        return new ReviewResult(period, revision, ZoneOffset.UTC, null, null, List.of(), List.of(), List.of(), List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
