package com.qualityreview.scale;

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

    private final ScaleProperties settings;
    /** Present in rabbitmq mode only. */
    private final ObjectProvider<RemotePartitions> remote;

    Partitions(ScaleProperties settings, ObjectProvider<RemotePartitions> remote) {
        this.settings = settings;
        this.remote = remote;
    }

    /** How many partitions a partitioned step is split into. */
    public int count() {
        return settings.partitionCount();
    }

    /**
     * Runs the partitions of {@code workerStep}: in LOCAL mode on up to {@link #count()} threads of
     * this process, named after the step so that logs and executions say which thread ran which; in
     * RABBITMQ mode on {@code worker} processes, which find the step by its bean name.
     */
    public PartitionHandler handler(Step workerStep) {
        if (settings.mode() == ScaleMode.RABBITMQ) {
            return remote.getObject().handler(workerStep, count());
        }
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(workerStep.getName() + "-");
        threads.setConcurrencyLimit(count());
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(workerStep);
        handler.setTaskExecutor(threads);
        handler.setGridSize(count());
        return handler;
    }
}
