package com.qualityreview.review;

import java.util.Map;
import java.util.Optional;

import com.qualityreview.security.AuditLog;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/reviews}: starts the review of a period; it runs in the background. */
@RestController
class ReviewsApi {

    private final Reviews reviews;
    private final AuditLog audit;

    ReviewsApi(Reviews reviews, AuditLog audit) {
        this.reviews = reviews;
        this.audit = audit;
    }

    record StartReview(String period, Integer revision) {
    }

    @PostMapping("/api/reviews")
    ResponseEntity<Map<String, Object>> start(@RequestBody StartReview request) throws Exception {
        if (request.period() == null) {
            throw new IllegalArgumentException("period is missing (for example \"2026-10\")");
        }
        JobExecution execution = start(reviews, audit, request.period(), Optional.ofNullable(request.revision()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", execution.getId(),
                "period", execution.getJobParameters().getString("period"), "revision", execution.getJobParameters().getLong("revision")));
    }

    /** Checks the request, starts the review in the background and audits it (the API and the console). */
    static JobExecution start(Reviews reviews, AuditLog audit, String periodText, Optional<Integer> revision) throws Exception {
        Period period = Period.parse(periodText.trim());
        JobExecution execution = reviews.startInBackground(period, revision);
        audit.recordStart("start review", period + " r" + execution.getJobParameters().getLong("revision"), "execution " + execution.getId(),
                execution);
        return execution;
    }
}
