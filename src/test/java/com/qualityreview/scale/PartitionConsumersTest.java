package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qualityreview.system.CommandException;

import org.junit.jupiter.api.Test;

/** A worker refuses a concurrency its connection pool cannot serve, rather than fail partitions part way through a review. */
class PartitionConsumersTest {

    @Test
    void aConcurrencyThePoolServesWithFiveConnectionsToSpareStarts() {
        // HikariCP's default pool of 10: 5 partitions + 5 for the lease heartbeat, the job repository and the rest.
        assertThatCode(() -> PartitionConsumers.requireConnections(5, 10)).doesNotThrowAnyException();
        assertThatCode(() -> PartitionConsumers.requireConnections(1, 0)).as("pool size unknown").doesNotThrowAnyException();
    }

    @Test
    void aConcurrencyThePoolCannotServeIsRefusedNamingBothSettings() {
        assertThatThrownBy(() -> PartitionConsumers.requireConnections(6, 10)).isInstanceOf(CommandException.class)
                .hasMessage("quality.scale.worker-concurrency 6 needs 11 database connections (one a partition, 5 for the rest),"
                        + " and spring.datasource.hikari.maximum-pool-size is 10: raise it or lower the concurrency");
    }
}
