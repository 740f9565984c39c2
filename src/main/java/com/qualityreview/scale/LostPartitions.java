package com.qualityreview.scale;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.qualityreview.system.Leases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Finds partitions whose worker died. A worker holds the partition's lease ({@link #LEASE}, keyed
 * by the step execution id) while it runs it and renews it by heartbeat; a partition still STARTED
 * whose lease is older than {@code quality.scale.worker-timeout}, or gone, has lost its worker. It
 * is marked FAILED in the job repository: the manager's poll then sees it finished, the step fails
 * naming it, and {@code restart} runs it again (a STARTED partition would block the restart).
 */
class LostPartitions {

    /** The kind of the leases workers hold on the partitions they run. */
    static final String LEASE = "partition";

    private static final Logger log = LoggerFactory.getLogger(LostPartitions.class);

    private final JobRepository jobRepository;
    private final Leases leases;
    private final Duration workerTimeout;

    LostPartitions(JobRepository jobRepository, Leases leases, Duration workerTimeout) {
        this.jobRepository = jobRepository;
        this.leases = leases;
        this.workerTimeout = workerTimeout;
    }

    /**
     * Marks FAILED the partitions among {@code stepExecutionIds} that are STARTED and whose worker
     * is gone.
     *
     * @return one sentence for each partition marked now, naming it and its worker
     */
    List<String> markLost(Collection<Long> stepExecutionIds) {
        List<String> lost = new ArrayList<>();
        for (long id : stepExecutionIds) {
            StepExecution partition = jobRepository.getStepExecution(id);
            if (partition == null || partition.getStatus() != BatchStatus.STARTED) {
                continue;
            }
            Optional<Leases.Holder> holder = leases.holder(LEASE, id);
            if (holder.isPresent() && holder.get().sinceHeartbeat().compareTo(workerTimeout) < 0) {
                continue;
            }
            if (holder.isEmpty()) {
                // The worker takes the lease before the partition starts and gives it up after the partition
                // is saved finished: no lease and still STARTED on a second look means the worker is gone.
                partition = jobRepository.getStepExecution(id);
                if (partition == null || partition.getStatus() != BatchStatus.STARTED) {
                    continue;
                }
            }
            String sentence = "partition " + partition.getStepName() + " was lost: its worker " + worker(partition, holder)
                    + " (quality.scale.worker-timeout " + workerTimeout.toSeconds() + " s)";
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription(sentence));
            partition.setEndTime(LocalDateTime.now());
            try {
                jobRepository.update(partition);
            }
            catch (OptimisticLockingFailureException e) {
                // Its worker saved it meanwhile: alive after all; look again at the next poll.
                continue;
            }
            log.warn(sentence);
            lost.add(sentence);
        }
        return lost;
    }

    /**
     * Marks FAILED the partitions among {@code stepExecutionIds} that no worker has taken (still
     * STARTING), when their requests could not all be sent or no worker listens: a worker that gets
     * one later drops it.
     *
     * @return the names of the partitions marked now
     */
    List<String> markNotTaken(Collection<Long> stepExecutionIds, String reason) {
        List<String> marked = new ArrayList<>();
        for (long id : stepExecutionIds) {
            StepExecution partition = jobRepository.getStepExecution(id);
            if (partition == null || partition.getStatus() != BatchStatus.STARTING) {
                continue;
            }
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription("partition " + partition.getStepName()
                    + " was not sent to a worker: " + reason));
            partition.setEndTime(LocalDateTime.now());
            try {
                jobRepository.update(partition);
                marked.add(partition.getStepName());
            }
            catch (OptimisticLockingFailureException e) {
                // A worker took it meanwhile: it runs.
            }
        }
        return marked;
    }

    private static String worker(StepExecution partition, Optional<Leases.Holder> holder) {
        String recorded = PartitionWorker.of(partition);
        String who = recorded != null ? recorded : holder.map(h -> h.pid() + "@" + h.host()).orElse("(unknown)");
        return who + holder.map(h -> " has not renewed its lease for " + Math.max(0, h.sinceHeartbeat().toSeconds()) + " s")
                .orElse(" holds no lease on it");
    }
}
