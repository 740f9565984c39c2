package com.qualityreview.review.job;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The last execution of every partition of a partitioned step, over all executions of the job
 * instance: on a restart Spring Batch runs, and hands the aggregator, only the partitions that had
 * not completed (spring-batch#5158), while the others' results stand in earlier executions.
 */
final class PartitionExecutions {

    private PartitionExecutions() {
    }

    /**
     * By partition step name; the executions of {@code ranNow} (the in-memory ones of this run) win over
     * their stored copies.
     */
    static Map<String, StepExecution> lastOfEach(JobRepository repository, StepExecution manager, String workerStep,
            Collection<StepExecution> ranNow) {
        Map<String, StepExecution> last = new TreeMap<>();
        repository.getJobExecutions(manager.getJobExecution().getJobInstance()).stream()
                .flatMap(execution -> execution.getStepExecutions().stream())
                .filter(step -> step.getStepName().startsWith(workerStep + ":"))
                .forEach(step -> last.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b));
        ranNow.forEach(step -> last.put(step.getStepName(), step));
        return last;
    }
}
