package com.qualityreview.review;

import java.util.Map;
import java.util.Optional;

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

    ReviewsApi(Reviews reviews) {
        this.reviews = reviews;
    }

    /** The period as text: read here rather than by Jackson, so that a bad one is answered with what is wrong with it. */
    record StartReview(String period, Integer revision) {

        Period checkedPeriod() {
            if (period == null) {
                throw new IllegalArgumentException("period is missing (for example \"2026-10\")");
            }
            return Period.parse(period.trim());
        }
    }

    @PostMapping("/api/reviews")
    ResponseEntity<Map<String, Object>> start(@RequestBody StartReview request) throws Exception {
        JobExecution execution = reviews.startInBackground(request.checkedPeriod(), Optional.ofNullable(request.revision()));
        ReviewRun run = ReviewRun.from(execution.getJobParameters());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", execution.getId(),
                "period", run.period().toString(), "revision", run.revision()));
    }
}
