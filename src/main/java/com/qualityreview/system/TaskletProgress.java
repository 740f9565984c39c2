package com.qualityreview.system;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Progress of a tasklet step that does all its work in one call (rendering the reports, sending
 * the deliveries). Such a step commits nothing to the job repository until it ends, so its done
 * count is saved in the step's execution context while it works — in a transaction of its own, at
 * most once every {@link #SAVE_INTERVAL}, so that any process reading the job repository (the API,
 * the console, another instance) sees it ({@link Progress#of}) — and logged as the chunk steps log
 * theirs ({@link ProgressLog}). Saving the context leaves the step execution's version alone, so
 * the step's own commit at its end is not disturbed; a save that fails (the database is away for a
 * moment) is only logged, the work goes on.
 */
@Component
public class TaskletProgress {

    private static final Logger log = LoggerFactory.getLogger(TaskletProgress.class);

    /** Often enough for the console, which polls every 2 s. */
    static final Duration SAVE_INTERVAL = Duration.ofSeconds(1);

    private final Consumer<StepExecution> save;
    private final Duration saveInterval;
    private final Duration logInterval;
    private final LongSupplier clock;

    @Autowired
    TaskletProgress(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        this(savedApart(jobRepository, transactionManager), SAVE_INTERVAL, ProgressLog.INTERVAL, System::nanoTime);
    }

    TaskletProgress(Consumer<StepExecution> save, Duration saveInterval, Duration logInterval, LongSupplier clock) {
        this.save = save;
        this.saveInterval = saveInterval;
        this.logInterval = logInterval;
        this.clock = clock;
    }

    /** The step's context saved in a new transaction: the tasklet's own transaction commits only at its end. */
    private static Consumer<StepExecution> savedApart(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        TransactionTemplate apart = new TransactionTemplate(transactionManager);
        apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return step -> apart.executeWithoutResult(status -> jobRepository.updateExecutionContext(step));
    }

    /** The progress of this step's work in {@code unit}, logged as {@code task}. */
    public WorkProgress of(StepExecution step, String task, String unit) {
        return new Tally(step, task, unit);
    }

    private final class Tally implements WorkProgress {

        private final StepExecution step;
        private final String task;
        private final String unit;
        private ProgressLog progressLog;
        private long done;
        private long lastSaveNanos;

        Tally(StepExecution step, String task, String unit) {
            this.step = step;
            this.task = task;
            this.unit = unit;
        }

        @Override
        public synchronized void started(long total, long alreadyDone) {
            progressLog = new ProgressLog(task, unit, total, alreadyDone, logInterval, clock);
            Progress.record(step, total, unit, alreadyDone);
            done = alreadyDone;
            Progress.recordDone(step, done);
            // Saved at once: the total tells whoever looks that this step has started and how big it is.
            saveNow();
        }

        @Override
        public synchronized void oneDone() {
            if (progressLog == null) {
                throw new IllegalStateException(task + ": an item done before the work started");
            }
            done++;
            Progress.recordDone(step, done);
            progressLog.update(done);
            if (clock.getAsLong() - lastSaveNanos >= saveInterval.toNanos()) {
                saveNow();
            }
        }

        private void saveNow() {
            lastSaveNanos = clock.getAsLong();
            try {
                save.accept(step);
            }
            catch (DataAccessException | TransactionException e) {
                log.warn("{}: cannot save the progress ({}); the work goes on", task, e.getMostSpecificCause().getMessage());
            }
        }
    }
}
