package com.qualityreview.scale;

import com.qualityreview.system.CommandException;
import com.qualityreview.system.Leases;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;

/**
 * Partitions on worker processes ({@code quality.scale.mode=rabbitmq}): the manager's partition
 * handler, and the checks that a manager and a worker both need before they start.
 */
class RemotePartitions {

    private final RabbitBroker broker;
    private final JobRepository jobRepository;
    private final Leases leases;
    private final ScaleProperties settings;
    private final String database;
    private final MessageChannel requests;

    RemotePartitions(MessageChannel requests, RabbitBroker broker, JobRepository jobRepository, Leases leases, ScaleProperties settings,
            String database) {
        this.requests = requests;
        this.broker = broker;
        this.jobRepository = jobRepository;
        this.leases = leases;
        this.settings = settings;
        this.database = database;
    }

    /**
     * Workers read and write the manager's job repository and data: an embedded database, one
     * process's file, cannot be shared; and the broker must answer.
     *
     * @throws CommandException naming what is missing
     */
    void requireReady() {
        if (database.startsWith("jdbc:hsqldb:")) {
            throw new CommandException("quality.scale.mode=rabbitmq needs a database the manager and its workers share, PostgreSQL"
                    + " (spring.datasource.url is " + database.replaceAll("[;?].*$", "") + "): see docs/scaling.md");
        }
        broker.requireQueue();
    }

    String describe() {
        return "queue " + settings.queue() + " at RabbitMQ " + broker.address();
    }

    PartitionHandler handler(Step workerStep, int gridSize) {
        RemotePartitionHandler handler = new RemotePartitionHandler(this::requireReady,
                () -> new LostPartitions(jobRepository, leases, settings.workerTimeout()),
                () -> new AbsentWorkers(broker::consumers, settings.workerTimeout(), describe(), System::nanoTime),
                settings.pollInterval().toMillis());
        handler.setStepName(workerStep.getName());
        handler.setMessagingOperations(new MessagingTemplate(requests));
        // A job repository and no reply channel: the handler polls the repository for the partitions' results.
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(settings.pollInterval().toMillis());
        handler.setGridSize(gridSize);
        try {
            handler.afterPropertiesSet();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return handler;
    }
}
