package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.qualityreview.system.CommandException;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The default, local mode needs no broker: with RabbitMQ's client on the class path and its port
 * closed, partitions run on local threads, no RabbitMQ piece exists, and {@code worker} says what it needs.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:hsqldb:mem:local-partitions;hsqldb.tx=mvcc", "spring.rabbitmq.port=1",
        "quality.scale.partitions=3"})
@Import(PartitionTestJob.class)
class LocalPartitionsTests {

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier(PartitionTestJob.JOB)
    Job job;

    @Autowired
    ApplicationContext context;

    @Autowired
    WorkerCommand worker;

    @Test
    void partitionsRunOnLocalThreadsWithoutABroker() throws Exception {
        JobExecution run = jobOperator.start(job, new JobParametersBuilder().addLong("run.id", System.nanoTime()).toJobParameters());

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<StepExecution> partitions = run.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(PartitionTestJob.WORKER_STEP + ":")).toList();
        assertThat(partitions).hasSize(3).allSatisfy(p -> assertThat(PartitionWorker.of(p)).contains(" testPartition-"));
        assertThat(context.getBeanNamesForType(RemotePartitions.class)).isEmpty();
        assertThat(context.getBeanNamesForType(PartitionConsumers.class)).isEmpty();
    }

    @Test
    void theWorkerCommandSaysItNeedsRabbitmqMode() {
        assertThatThrownBy(() -> worker.run(List.of(), null)).isInstanceOf(CommandException.class)
                .hasMessage("worker takes partitions from RabbitMQ: set quality.scale.mode=rabbitmq, with spring.rabbitmq.* and the"
                        + " manager's PostgreSQL database (docs/scaling.md)");
    }
}
