package com.qualityreview.review;

import java.util.Optional;

import com.qualityreview.security.AuditLog;
import com.qualityreview.system.ConsolePage;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's "start a review" form: starts it in the background and shows its execution. */
@ConsolePage
class ReviewsPage {

    private final Reviews reviews;
    private final AuditLog audit;

    ReviewsPage(Reviews reviews, AuditLog audit) {
        this.reviews = reviews;
        this.audit = audit;
    }

    @PostMapping("/reviews")
    String start(@RequestParam String period, @RequestParam Optional<String> revision, RedirectAttributes redirect) throws Exception {
        JobExecution execution = ReviewsApi.start(reviews, audit, period, revision.filter(r -> !r.isBlank()).map(Reviews::parseRevision));
        redirect.addFlashAttribute("message", "review of " + execution.getJobParameters().getString("period") + " revision "
                + execution.getJobParameters().getLong("revision") + " started");
        return "redirect:/executions/" + execution.getId();
    }
}
