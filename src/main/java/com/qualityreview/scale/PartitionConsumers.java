package com.qualityreview.scale;

import java.util.concurrent.atomic.AtomicInteger;

import com.qualityreview.system.CommandException;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * A worker's consumers of partition requests, started by the {@code worker} command only (never with
 * the context): {@code quality.scale.worker-concurrency} consumers, each taking one request at a time
 * (prefetch 1, so that waiting requests stay with the broker for other workers). Stopped first when the
 * application closes (SIGTERM): the consumers stop taking requests, and the partitions running finish.
 */
class PartitionConsumers implements SmartLifecycle {

    /** A partition may take long; the application waits for it rather than abandon it half done. */
    private static final long FINISH_RUNNING_PARTITIONS_MILLIS = Long.MAX_VALUE / 2;

    private final ConnectionFactory connections;
    private final RemotePartitions remote;
    private final PartitionRequestGuard guard;
    private final ScaleProperties settings;
    /** The connection pool's size, when the pool says it (0: unknown). */
    private final int poolSize;
    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private SimpleMessageListenerContainer container;

    PartitionConsumers(ConnectionFactory connections, RemotePartitions remote, PartitionRequestGuard guard, ScaleProperties settings,
            int poolSize) {
        this.connections = connections;
        this.remote = remote;
        this.guard = guard;
        this.settings = settings;
        this.poolSize = poolSize;
    }

    /**
     * Checks the connection pool, the database and the broker, then takes requests until {@link #stop()}.
     *
     * @throws CommandException when the pool cannot serve the concurrency or the broker does not answer
     */
    synchronized void consume() {
        if (container != null) {
            return;
        }
        requireConnections(settings.workerConcurrency(), poolSize);
        remote.requireReady();
        SimpleMessageListenerContainer consumers = new SimpleMessageListenerContainer(connections);
        consumers.setQueueNames(settings.queue());
        consumers.setConcurrentConsumers(settings.workerConcurrency());
        consumers.setPrefetchCount(1);
        consumers.setAcknowledgeMode(AcknowledgeMode.AUTO);
        consumers.setDefaultRequeueRejected(false);
        consumers.setShutdownTimeout(FINISH_RUNNING_PARTITIONS_MILLIS);
        consumers.setTaskExecutor(new SimpleAsyncTaskExecutor("partition-worker-"));
        consumers.setMessageListener(message -> {
            (guard.handle(message) ? ran : dropped).incrementAndGet();
        });
        consumers.afterPropertiesSet();
        consumers.start();
        container = consumers;
    }

    /**
     * Each partition running holds a connection for a whole chunk, and the lease heartbeat and the job
     * repository need theirs: a worker whose pool is too small would fail partitions after HikariCP's
     * connection timeout, part way through a review, so it refuses to start instead.
     */
    static void requireConnections(int concurrency, int poolSize) {
        if (Partitions.localThreads(concurrency, poolSize) < concurrency) {
            throw new CommandException("quality.scale.worker-concurrency " + concurrency + " needs " + (concurrency + Partitions.CONNECTIONS_KEPT)
                    + " database connections (one a partition, " + Partitions.CONNECTIONS_KEPT + " for the rest), and"
                    + " spring.datasource.hikari.maximum-pool-size is " + poolSize + ": raise it or lower the concurrency");
        }
    }

    /** Partitions this worker has run since it started. */
    int partitionsRun() {
        return ran.get();
    }

    /** Requests this worker acknowledged without running them (redelivered, or not partition requests). */
    int requestsDropped() {
        return dropped.get();
    }

    String describe() {
        return remote.describe() + ", " + settings.workerConcurrency() + " at a time";
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {
        consume();
    }

    /** Stops taking requests and waits for the partitions running to end. */
    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
            container.destroy();
            container = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return container != null;
    }

    /** Stopped before everything else: the running partitions still need the database and their leases. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
