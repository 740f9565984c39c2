package com.qualityreview.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.qualityreview.delivery.Deliveries;
import com.qualityreview.delivery.Delivery;
import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewRuns;
import com.qualityreview.system.Leases;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Reads where a period's review and its deliveries stand, for the watchdog to judge. */
@Component
class WatchedWork {

    private final ReviewRuns runs;
    private final JobRepository jobRepository;
    private final Leases leases;
    private final Deliveries deliveries;

    WatchedWork(ReviewRuns runs, JobRepository jobRepository, Leases leases, Deliveries deliveries) {
        this.runs = runs;
        this.jobRepository = jobRepository;
        this.leases = leases;
        this.deliveries = deliveries;
    }

    /** The latest completed revision, else the latest one, or none. */
    ReviewState review(Period period) {
        List<ReviewRuns.Run> all = runs.list(Optional.of(period));
        Optional<ReviewRuns.Run> chosen = all.stream().filter(r -> r.status().equals("COMPLETED")).findFirst()
                .or(() -> all.stream().findFirst());
        if (chosen.isEmpty()) {
            return new ReviewState.NotStarted();
        }
        ReviewRuns.Run run = chosen.get();
        Instant started = run.startedAt() == null ? null : run.startedAt().toInstant();
        if (run.status().equals("COMPLETED")) {
            return new ReviewState.Completed(run.revision(), run.finishedAt().toInstant());
        }
        Optional<JobExecution> execution = lastExecution(run.jobInstanceId());
        long executionId = execution.map(JobExecution::getId).orElse(-1L);
        if (run.status().equals("RUNNING")) {
            boolean alive = execution.flatMap(e -> leases.holder(e.getId())).map(Leases.Holder::alive).orElse(false);
            return alive ? new ReviewState.Running(run.revision(), started) : new ReviewState.Gone(run.revision(), executionId, started);
        }
        Optional<StepExecution> failedStep = execution.flatMap(e -> e.getStepExecutions().stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED).max(Comparator.comparing(StepExecution::getId)));
        String reason = failedStep.map(s -> firstLine(s.getExitStatus().getExitDescription()))
                .or(() -> execution.map(e -> firstLine(e.getExitStatus().getExitDescription()))).orElse(null);
        return new ReviewState.Failed(run.revision(), executionId, run.status(), failedStep.map(StepExecution::getStepName).orElse(null),
                reason);
    }

    private Optional<JobExecution> lastExecution(long jobInstanceId) {
        JobInstance instance = jobRepository.getJobInstance(jobInstanceId);
        return instance == null ? Optional.empty() : Optional.ofNullable(jobRepository.getLastJobExecution(instance));
    }

    /**
     * The first line of an exit description (a stack trace, as Spring Batch keeps it) without the
     * exception's class name: "java.lang.IllegalStateException: disk full" reads "disk full".
     */
    static String firstLine(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String line = description.strip().lines().findFirst().orElse("").strip();
        return line.replaceFirst("^([a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)(: )?", "").strip();
    }

    /** The deliveries of the revision the review state names (none before a review completed). */
    DeliveryCounts deliveries(Period period, ReviewState review) {
        if (!(review instanceof ReviewState.Completed completed)) {
            return DeliveryCounts.NONE;
        }
        int sent = 0;
        int failed = 0;
        int uncertain = 0;
        int pending = 0;
        Instant lastSent = null;
        for (Delivery delivery : deliveries.find(Optional.of(period.toString()), Optional.empty())) {
            if (delivery.revision() != completed.revision()) {
                continue;
            }
            switch (delivery.status()) {
                case Delivery.SENT -> {
                    sent++;
                    OffsetDateTime at = delivery.sentAt();
                    if (at != null && (lastSent == null || at.toInstant().isAfter(lastSent))) {
                        lastSent = at.toInstant();
                    }
                }
                case Delivery.FAILED -> failed++;
                case Delivery.UNCERTAIN -> uncertain++;
                default -> pending++;
            }
        }
        return new DeliveryCounts(sent, failed, uncertain, pending, lastSent);
    }
}
