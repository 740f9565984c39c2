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
        Period chosen = Period.parse(period.trim());
        Optional<Integer> number = revision.filter(r -> !r.isBlank()).map(ReviewsPage::revision);
        JobExecution execution = reviews.startInBackground(chosen, number);
        long started = execution.getJobParameters().getLong("revision");
        audit.record("start review", chosen + " r" + started, "execution " + execution.getId());
        redirect.addFlashAttribute("message", "review of " + chosen + " revision " + started + " started");
        return "redirect:/executions/" + execution.getId();
    }

    private static int revision(String text) {
        try {
            int number = Integer.parseInt(text.trim());
            if (number >= 1) {
                return number;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("revision must be a whole number from 1, was '" + text + "'");
    }
}
