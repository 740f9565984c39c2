package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Local partitions run at once only as many as the connection pool serves, keeping 5 connections for the rest. */
class PartitionsTest {

    @Test
    void partitionsThatThePoolServesAllRunAtOnce() {
        // 4 partitions, pool 10: 10 − 5 = 5 ≥ 4
        assertThat(Partitions.localThreads(4, 10)).isEqualTo(4);
    }

    @Test
    void twiceTheCoresOfALargeMachineRunAsManyAtOnceAsThePoolLeaves() {
        // 16 partitions (8 cores), HikariCP's default pool of 10: 10 − 5 = 5 at once, the others wait for a thread
        assertThat(Partitions.localThreads(16, 10)).isEqualTo(5);
        assertThat(Partitions.localThreads(16, 30)).isEqualTo(16);
    }

    @Test
    void aTinyPoolStillRunsOnePartitionAndAnUnknownPoolCapsNothing() {
        assertThat(Partitions.localThreads(4, 5)).isEqualTo(1);
        assertThat(Partitions.localThreads(4, 7)).isEqualTo(2);
        assertThat(Partitions.localThreads(16, 0)).isEqualTo(16);
    }

    @Test
    void partitionNamesArePaddedToTheDigitsOfTheLastIndexSoThatTheySort() {
        assertThat(Partitions.name(0, 1, 1)).isEqualTo("p0");
        assertThat(Partitions.name(9, 10, 1)).isEqualTo("p9");
        assertThat(Partitions.name(3, 11, 1)).isEqualTo("p03");
        assertThat(Partitions.name(0, 4, 2)).isEqualTo("p00");
        assertThat(Partitions.name(7, 101, 2)).isEqualTo("p007");
    }
}
