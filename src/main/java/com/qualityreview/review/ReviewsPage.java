package com.qualityreview.review;

import java.util.Optional;

import com.qualityreview.system.ConsolePage;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's "start a review" form: starts it in the background and shows its execution. */
@ConsolePage
class ReviewsPage {

    private final Reviews reviews;

    ReviewsPage(Reviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/reviews")
    String start(@RequestParam Period period, @RequestParam Optional<String> revision, RedirectAttributes redirect) throws Exception {
        JobExecution execution = reviews.startInBackground(period, revision.filter(r -> !r.isBlank()).map(Reviews::parseRevision));
        ReviewRun run = ReviewRun.from(execution.getJobParameters());
        redirect.addFlashAttribute("message", "review of " + run.period() + " revision " + run.revision() + " started");
        return "redirect:/executions/" + execution.getId();
    }
}
