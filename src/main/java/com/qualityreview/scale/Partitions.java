package com.qualityreview.scale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The one way partitioned steps get their {@link PartitionHandler}: the review's summarise and
 * render steps ask here, and {@code quality.scale.mode} decides where their partitions run.
 */
@Component
public class Partitions {

    /**
     * Connections left to everything but the partitions (web requests, leases and their heartbeats,
     * the job repository, a tasklet's progress): a running partition holds one for a whole chunk.
     */
    static final int CONNECTIONS_KEPT = 5;

    private final ScaleProperties settings;
    /** Present in rabbitmq mode only. */
    private final ObjectProvider<RemotePartitions> remote;
    /** The connection pool's size, when the pool says it. */
    private final int poolSize;

    Partitions(ScaleProperties settings, ObjectProvider<RemotePartitions> remote, ObjectProvider<DataSource> dataSource) {
        this.settings = settings;
        this.remote = remote;
        this.poolSize = dataSource.getIfAvailable() instanceof HikariDataSource pool ? pool.getMaximumPoolSize() : 0;
    }

    /** The connection pool's size, when the pool says it; 0 when unknown. */
    int poolSize() {
        return poolSize;
    }

    /**
     * The name of partition {@code index} of {@code count}: {@code p} and the index zero-padded to
     * the digits of the last index, and to at least {@code minDigits}, so that the names sort as the
     * partitions do ({@code p0}…{@code p9}, {@code p00}…{@code p11}).
     */
    public static String name(int index, int count, int minDigits) {
        int digits = Math.max(minDigits, Integer.toString(count - 1).length());
        return "p" + String.format("%0" + digits + "d", index);
    }

    /** How many partitions a partitioned step is split into. */
    public int count() {
        return settings.partitionCount();
    }

    /**
     * Runs the partitions of {@code workerStep}: in LOCAL mode on up to {@link #count()} threads of
     * this process (fewer when the connection pool is smaller, {@link #localThreads}), named after the step so that logs and executions say which thread ran which; in
     * RABBITMQ mode on {@code worker} processes, which find the step by its bean name.
     */
    public PartitionHandler handler(Step workerStep) {
        if (settings.mode() == ScaleMode.RABBITMQ) {
            return remote.getObject().handler(workerStep, count());
        }
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(workerStep.getName() + "-");
        threads.setConcurrencyLimit(localThreads(count(), poolSize));
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(workerStep);
        handler.setTaskExecutor(threads);
        handler.setGridSize(count());
        return handler;
    }

    /**
     * Partitions run at once on local threads: all of them, but no more than the connection pool
     * can serve while keeping {@value #CONNECTIONS_KEPT} connections for the rest (at least one), so
     * that twice the cores of a large machine does not make partitions wait out HikariCP's timeout
     * and fail. The others wait for a thread, not for a connection. {@code poolSize} 0: unknown, no cap.
     */
    static int localThreads(int partitions, int poolSize) {
        return poolSize <= 0 ? partitions : Math.max(1, Math.min(partitions, poolSize - CONNECTIONS_KEPT));
    }
}
