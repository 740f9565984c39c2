package com.qualityreview.system;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

/**
 * What a feature says about executions of its own job: the counts that matter to a person, and
 * the outcome printed when a command ran or restarted it.
 */
public interface JobOutcome {

    String jobName();

    /** A short summary such as "read 10, written 9, rejected 1", when the execution has one. */
    Optional<String> counts(JobExecution execution);

    /** Prints the outcome of a finished execution and returns the exit status. */
    int print(JobExecution execution);
}
