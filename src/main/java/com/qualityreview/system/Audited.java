package com.qualityreview.system;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

/**
 * An administrator's action and how it went (a start, stop, restart, resend, import, review or
 * demo, from the console, the API or the command line), published by the feature that did it and
 * recorded in the audit log by the security module. Published in the thread of the person acting,
 * so that the log knows who it was; a failure to record it is a failure of the action's caller.
 *
 * @param backgroundJob the execution the action started without waiting for it: its end is
 *        recorded too, as the same person's ({@code "start review"} ends as {@code "review ended"})
 */
public record Audited(String action, String target, String outcome, Optional<JobExecution> backgroundJob) {

    public Audited(String action, String target, String outcome) {
        this(action, target, outcome, Optional.empty());
    }

    /** An action that started a job in the background, whose end is recorded once it has ended. */
    public static Audited backgroundStart(String action, String target, String outcome, JobExecution job) {
        return new Audited(action, target, outcome, Optional.of(job));
    }
}
