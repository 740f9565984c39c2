package com.qualityreview.execution;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Jobs and their executions: list, look at one, stop, restart. */
@RestController
@RequestMapping("/api")
class ExecutionsApi {

    private final Executions executions;

    ExecutionsApi(Executions executions) {
        this.executions = executions;
    }

    @GetMapping("/jobs")
    SortedSet<String> jobs() {
        return executions.jobNames();
    }

    @GetMapping("/executions")
    List<ExecutionView> executions(@RequestParam Optional<String> job, @RequestParam Optional<String> status,
            @RequestParam(defaultValue = "50") int limit) {
        if (job.isPresent() && !executions.jobNames().contains(job.get())) {
            throw new IllegalArgumentException("job: '" + job.get() + "' is not one of " + executions.jobNames());
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be from 1 to 1000, was " + limit);
        }
        return executions.recent(job, status.map(Executions::batchStatus), limit).stream().map(executions::view)
                .map(ExecutionView::forCurrentUser).toList();
    }

    @GetMapping("/executions/{id}")
    ExecutionView execution(@PathVariable long id) {
        return executions.view(id).forCurrentUser();
    }

    @PostMapping("/executions/{id}/stop")
    ResponseEntity<ExecutionView> stop(@PathVariable long id) throws InterruptedException {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(executions.view(executions.stop(id)));
    }

    @PostMapping("/executions/{id}/restart")
    ResponseEntity<Map<String, Object>> restart(@PathVariable long id)
            throws Exception {
        JobExecution restarted = executions.restartInBackground(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", restarted.getId(), "restartOf", id));
    }
}
