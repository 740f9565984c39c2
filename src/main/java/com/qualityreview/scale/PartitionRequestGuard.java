package com.qualityreview.scale;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import com.qualityreview.system.CommandException;
import com.qualityreview.system.Leases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What a worker does with one partition request, around Batch's {@link StepExecutionRequestHandler}:
 * <ul>
 * <li>runs it only while its step execution is still STARTING: the broker redelivers the request of a
 * worker that died, and that partition has been marked FAILED and is re-run by a restart, not here;</li>
 * <li>holds the partition's lease while it runs, which the manager watches ({@link LostPartitions});</li>
 * <li>saves a partition that ended FAILED or STOPPED without being saved (Batch's handler leaves that
 * to its caller), so that the manager is not left waiting.</li>
 * </ul>
 * Whatever happens, the message is acknowledged: a request that failed must not loop.
 */
class PartitionRequestGuard {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestGuard.class);

    private final JobRepository jobRepository;
    private final Leases leases;
    private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();

    PartitionRequestGuard(JobRepository jobRepository, Leases leases, BeanFactory beans) {
        this.jobRepository = jobRepository;
        this.leases = leases;
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beans);
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(steps);
    }

    /** @return whether the partition was run (false: the request was dropped) */
    boolean handle(Message message) {
        PartitionRequest request;
        try {
            request = PartitionRequest.parse(new String(message.getBody(), StandardCharsets.UTF_8));
        }
        catch (IllegalArgumentException e) {
            log.warn("dropped a message that is no partition request: {}", e.getMessage());
            return false;
        }
        StepExecution partition = jobRepository.getStepExecution(request.stepExecutionId());
        if (partition == null) {
            log.warn("dropped the request for step execution {} ({}): the job repository has no such step execution",
                    request.stepExecutionId(), request.stepName());
            return false;
        }
        if (partition.getStatus() != BatchStatus.STARTING) {
            log.info("dropped a redelivered request for partition {} (step execution {}): it is {} already",
                    partition.getStepName(), partition.getId(), partition.getStatus());
            return false;
        }
        try (Leases.Lease lease = leases.acquire(LostPartitions.LEASE, request.stepExecutionId())) {
            log.info("running partition {} (step execution {})", partition.getStepName(), partition.getId());
            StepExecution ended = handler.handle(request.toBatch());
            saveEnd(ended.getId(), ended.getStatus(), ended.getExitStatus(), null);
            log.info("partition {} ended {}", partition.getStepName(), ended.getStatus());
        }
        catch (RuntimeException e) {
            // No such step here (an older worker?), or the job repository failed: the partition must not stay waiting.
            log.error("partition {} failed: {}", partition.getStepName(), CommandException.oneLine(e), e);
            saveEnd(partition.getId(), BatchStatus.FAILED, ExitStatus.FAILED, e);
        }
        return true;
    }

    /** Saves a partition's end unless it was saved (or marked lost by the manager) already. */
    private void saveEnd(long stepExecutionId, BatchStatus status, ExitStatus exitStatus, RuntimeException failure) {
        StepExecution stored = jobRepository.getStepExecution(stepExecutionId);
        if (stored == null || !stored.getStatus().isRunning() || status.isRunning()) {
            return;
        }
        stored.setStatus(status);
        stored.setExitStatus(failure == null ? exitStatus : exitStatus.addExitDescription(failure));
        stored.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(stored);
        }
        catch (OptimisticLockingFailureException e) {
            log.warn("partition {} was changed by another process while it was saved: {}", stored.getStepName(), e.getMessage());
        }
    }
}
