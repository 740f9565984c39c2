package com.qualityreview.scale;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.support.SimplePartitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A test-only partitioned job, {@value #JOB}: its manager step gets its handler from
 * {@link Partitions} as the review's steps do; each partition records which worker context
 * ({@code test.worker.name}) ran it. The partition named in {@link #STALL_ONCE} waits, once, for
 * {@link #RELEASE} after counting down {@link #STALLED}, so that a test can make its worker die meanwhile;
 * the partition named in {@link #FAIL_ONCE} fails, once.
 */
@TestConfiguration(proxyBeanMethods = false)
class PartitionTestJob {

    static final String JOB = "partitionedTestJob";
    static final String WORKER_STEP = "testPartition";
    static final String RAN_BY = "test.ranBy";

    static volatile CountDownLatch STALLED = new CountDownLatch(1);
    static volatile CountDownLatch RELEASE = new CountDownLatch(1);
    /** Only the first run of the partition named so stalls (a restart runs it to its end). */
    static final AtomicReference<String> STALL_ONCE = new AtomicReference<>();
    /** Only the first run of the partition named so fails. */
    static final AtomicReference<String> FAIL_ONCE = new AtomicReference<>();

    @Bean(WORKER_STEP)
    Step testPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager, Environment environment) {
        return new StepBuilder(WORKER_STEP, jobRepository).tasklet((contribution, chunk) -> {
            StepExecution partition = chunk.getStepContext().getStepExecution();
            partition.getExecutionContext().putString(RAN_BY, environment.getProperty("test.worker.name", "?"));
            String fail = FAIL_ONCE.get();
            if (partition.getStepName().equals(fail) && FAIL_ONCE.compareAndSet(fail, null)) {
                throw new IllegalStateException("test failure in " + fail);
            }
            String stall = STALL_ONCE.get();
            if (partition.getStepName().equals(stall) && STALL_ONCE.compareAndSet(stall, null)) {
                STALLED.countDown();
                RELEASE.await(2, TimeUnit.MINUTES);
            }
            else {
                // Long enough that one worker cannot take every request before the other asks for one.
                Thread.sleep(1500);
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(new PartitionWorker()).build();
    }

    @Bean
    Step testPartitionsStep(JobRepository jobRepository, Partitions partitions, @Qualifier(WORKER_STEP) Step worker) {
        return new StepBuilder("testPartitionsStep", jobRepository).partitioner(WORKER_STEP, new SimplePartitioner())
                .partitionHandler(partitions.handler(worker)).build();
    }

    @Bean(JOB)
    Job partitionedTestJob(JobRepository jobRepository, @Qualifier("testPartitionsStep") Step managerStep) {
        return new JobBuilder(JOB, jobRepository).start(managerStep).build();
    }
}
