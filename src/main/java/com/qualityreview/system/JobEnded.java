package com.qualityreview.system;

import org.springframework.batch.core.job.JobExecution;

/** A job execution run by this process has ended (however it ended), whoever started it and from wherever. */
public record JobEnded(JobExecution execution) {
}
