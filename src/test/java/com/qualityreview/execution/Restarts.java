package com.qualityreview.execution;

import java.time.Duration;

import com.qualityreview.system.ConflictException;

import org.springframework.batch.core.job.JobExecution;

/**
 * For tests that make a job die inside the test JVM: the dead execution's lease row is removed
 * (or expires) within a heartbeat or two; until then a restart is rightly refused.
 */
public final class Restarts {

    private Restarts() {
    }

    public static JobExecution restartOnceReleased(Executions executions, long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return executions.restart(id);
            }
            catch (ConflictException e) {
                if (System.nanoTime() > deadline || !e.getMessage().contains("heartbeat")) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
