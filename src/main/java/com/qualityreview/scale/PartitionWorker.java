package com.qualityreview.scale;

import java.lang.management.ManagementFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records which process and thread ran a partition, in the partition's step execution context
 * (key {@value #KEY}), so that executions, the API and the console can say which worker ran which
 * partition. Added to every partition (worker) step.
 */
public final class PartitionWorker implements StepExecutionListener {

    public static final String KEY = "scale.worker";

    /** This process as the runtime names it: {@code <pid>@<host>}. */
    private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();

    @Override
    public void beforeStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putString(KEY, PROCESS + " " + Thread.currentThread().getName());
    }

    /** The worker recorded for a partition, if any. */
    public static String of(StepExecution stepExecution) {
        return stepExecution.getExecutionContext().containsKey(KEY) ? stepExecution.getExecutionContext().getString(KEY) : null;
    }
}
