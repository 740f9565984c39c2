package com.qualityreview.scale;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.qualityreview.system.CommandException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;

/**
 * Batch's remote partition handler (requests over RabbitMQ, results read back from the job
 * repository) with what it lacks: it checks the broker before sending, so a broker that is down
 * fails the step at once with one line; and while it waits, a watchdog marks FAILED the partitions
 * whose worker died ({@link LostPartitions}) and those no worker will take because none listens
 * ({@link AbsentWorkers}), so the step ends, failing with a message naming them, instead of waiting for ever.
 */
class RemotePartitionHandler extends MessageChannelPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    private final Runnable requireBroker;
    private final Supplier<LostPartitions> lostPartitions;
    private final Supplier<AbsentWorkers> absentWorkers;
    private final long pollMillis;

    RemotePartitionHandler(Runnable requireBroker, Supplier<LostPartitions> lostPartitions, Supplier<AbsentWorkers> absentWorkers,
            long pollMillis) {
        this.requireBroker = requireBroker;
        this.lostPartitions = lostPartitions;
        this.absentWorkers = absentWorkers;
        this.pollMillis = pollMillis;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return partitions;
        }
        Set<Long> ids = partitions.stream().map(StepExecution::getId).collect(Collectors.toSet());
        LostPartitions watchdog = lostPartitions.get();
        AbsentWorkers workers = absentWorkers.get();
        try {
            requireBroker.run();
            if (!workers.listening()) {
                log.warn(workers.waiting(manager.getStepName()));
            }
        }
        catch (RuntimeException e) {
            // Nothing was sent: partitions left STARTING would make the step impossible to restart.
            markNotTaken(watchdog, ids, e.getMessage());
            throw e;
        }
        List<String> lost = new CopyOnWriteArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, manager.getStepName() + "-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                lost.addAll(watchdog.markLost(ids));
                if (workers.absent()) {
                    List<String> notTaken = watchdog.markNotTaken(ids, workers.reason());
                    if (!notTaken.isEmpty()) {
                        log.warn(workers.sentence(notTaken));
                        lost.add(workers.sentence(notTaken));
                    }
                }
            }
            catch (RuntimeException e) {
                // The database may be away for a moment; Batch's own poll fails the step if it stays away.
                log.warn("cannot check the workers of {}: {}", manager.getStepName(), CommandException.oneLine(e));
            }
        }, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        Set<StepExecution> finished;
        try {
            finished = super.doHandle(manager, partitions);
        }
        catch (Exception e) {
            // The broker went away while the requests were sent: those no worker took must not stay STARTING.
            markNotTaken(watchdog, ids, CommandException.oneLine(e));
            throw e;
        }
        finally {
            timer.shutdownNow();
        }
        if (!lost.isEmpty()) {
            throw new CommandException(String.join("; ", lost) + "; 'restart " + manager.getJobExecutionId()
                    + "' runs the partitions that did not finish");
        }
        return finished;
    }

    private static void markNotTaken(LostPartitions watchdog, Set<Long> ids, String reason) {
        try {
            watchdog.markNotTaken(ids, reason);
        }
        catch (RuntimeException e) {
            // The database is away too: the step's failure says why; restart recovers the partitions left STARTING.
            log.warn("cannot mark the partitions no worker took failed: {}", CommandException.oneLine(e));
        }
    }
}
