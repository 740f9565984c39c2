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
        if (request.revision() != null && request.revision() < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + request.revision());
        }
        Period period = Period.parse(request.period());
        JobExecution execution = reviews.startInBackground(period, Optional.ofNullable(request.revision()));
        long revision = execution.getJobParameters().getLong("revision");
        audit.record("start review", period + " r" + revision, "execution " + execution.getId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", execution.getId(),
                "period", period.toString(), "revision", revision));
    }
}
