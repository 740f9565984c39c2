package com.qualityreview.review;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.Step;

/**
 * A step another feature adds to the end of the quality review (render reports, deliver them),
 * so that the review does not depend on those features. Steps run in ascending order.
 */
public interface ReviewStepContribution {

    /** Job-context key of the lines a contributed step adds to what the review command prints. */
    String OUTCOME_LINES = "review.outcomeLines";

    /** Exit code of a review whose steps all ran but that has something for a person to act on. */
    String COMPLETED_WITH_PROBLEMS = "COMPLETED_WITH_PROBLEMS";

    static void addOutcomeLine(JobExecution job, String line) {
        var context = job.getExecutionContext();
        String lines = context.containsKey(OUTCOME_LINES) ? context.getString(OUTCOME_LINES) + "\n" : "";
        context.putString(OUTCOME_LINES, lines + line);
    }

    int order();

    Step step();

    static ReviewStepContribution of(int order, Step step) {
        return new ReviewStepContribution() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Step step() {
                return step;
            }
        };
    }
}
