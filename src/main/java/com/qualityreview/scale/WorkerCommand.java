package com.qualityreview.scale;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.CommandSpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import sun.misc.Signal;

/**
 * {@code worker}: runs review partitions that managers ({@code review}, {@code serve},
 * {@code restart} in rabbitmq mode) send over RabbitMQ, until stopped. SIGTERM or Ctrl-C stop the
 * consumers, let the running partitions finish, and end with status 0 (docs/scaling.md).
 */
@Component
public class WorkerCommand implements Command {

    public static final CommandSpec SPEC = new CommandSpec("worker", List.of(),
            "run review partitions taken from RabbitMQ (quality.scale.mode=rabbitmq, quality.scale.queue),"
                    + " quality.scale.worker-concurrency at a time, until stopped; SIGTERM lets the running partitions finish",
            List.of());

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    private final ScaleProperties settings;
    private final ObjectProvider<PartitionConsumers> consumers;

    WorkerCommand(ScaleProperties settings, ObjectProvider<PartitionConsumers> consumers) {
        this.settings = settings;
        this.consumers = consumers;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws InterruptedException {
        if (settings.mode() != ScaleMode.RABBITMQ) {
            throw new CommandException("worker takes partitions from RabbitMQ: set quality.scale.mode=rabbitmq, with spring.rabbitmq.*"
                    + " and the manager's PostgreSQL database (docs/scaling.md)");
        }
        PartitionConsumers worker = consumers.getObject();
        worker.consume();
        CountDownLatch stopped = new CountDownLatch(1);
        onStopSignal(stopped);
        System.out.println("worker: running partitions from " + worker.describe() + "; stop with Ctrl-C or SIGTERM");
        stopped.await();
        log.info("worker stopping: taking no more requests, finishing the partitions running");
        worker.stop();
        System.out.println("worker stopped: " + worker.partitionsRun() + " partitions run, " + worker.requestsDropped()
                + " requests dropped");
        return 0;
    }

    /**
     * SIGTERM and SIGINT end {@link #run} normally, so that the worker finishes its partitions
     * before the application closes and exits with 0 rather than the JVM's 143.
     */
    private static void onStopSignal(CountDownLatch stopped) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> stopped.countDown());
            }
            catch (IllegalArgumentException e) {
                // The JVM keeps this signal (-Xrs): it closes the application, whose consumers stop first anyway.
                log.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }
}
