package com.qualityreview.review.job;

import com.qualityreview.review.KpiDefinition;
import com.qualityreview.review.ReviewRun;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Ends the partitioned summarise step: counts and status as Spring Batch aggregates them (from the
 * partitions run now), then the region sums of the last execution of every partition, those
 * completed by an earlier execution of the review included, merged into the manager's context, from
 * where they are promoted to the job's for the roll-up as the single step's were.
 */
final class RegionSumsAggregator implements StepExecutionAggregator {

    private final StepExecutionAggregator counts = new DefaultStepExecutionAggregator();
    private final JobRepository repository;
    private final String workerStep;
    private final Supplier<Map<String, KpiDefinition>> kpis;

    RegionSumsAggregator(JobRepository repository, String workerStep, Supplier<Map<String, KpiDefinition>> kpis) {
        this.repository = repository;
        this.workerStep = workerStep;
        this.kpis = kpis;
    }

    @Override
    public void aggregate(StepExecution manager, Collection<StepExecution> ranNow) {
        counts.aggregate(manager, ranNow);
        if (manager.getStatus().isUnsuccessful()) {
            return; // the step fails; the partitions to re-run keep their own sums
        }
        ReviewRun key = ReviewRun.from(manager.getJobParameters());
        Map<String, KpiDefinition> definitions = kpis.get();
        ExecutionContext context = manager.getExecutionContext();
        RegionSums total = LegacySummary.isIn(context) ? RegionSums.from(context, key, definitions) : new RegionSums();
        for (StepExecution partition : PartitionExecutions.lastOfEach(repository, manager, workerStep, ranNow).values()) {
            if (partition.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("partition " + partition.getStepName() + " is " + partition.getStatus()
                        + ": the region sums need every partition completed");
            }
            total.merge(RegionSums.from(partition.getExecutionContext(), key, definitions));
        }
        total.saveTo(context);
    }
}
