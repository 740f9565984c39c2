package com.qualityreview.delivery.job;

import java.util.function.Function;

import com.qualityreview.delivery.mail.DeliveryMessages;
import com.qualityreview.delivery.mail.MailTransport;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.ReviewStepContribution;
import com.qualityreview.system.TaskletProgress;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Sends the review's pending deliveries ({@link DeliverySender}), adds a line saying how that went
 * to what the review command prints, and ends COMPLETED_WITH_PROBLEMS when a delivery failed or
 * is uncertain. While it works: "n of m deliveries" ({@link TaskletProgress}), those settled by an
 * earlier execution counted as done.
 */
class SendDeliveriesTasklet implements Tasklet {

    private final DeliverySender sender;
    private final MailTransport transport;
    private final Function<ReviewRun, DeliveryMessages> messages;
    private final TaskletProgress progress;

    /** {@code messages}: the messages of a review run's deliveries. */
    SendDeliveriesTasklet(DeliverySender sender, MailTransport transport, Function<ReviewRun, DeliveryMessages> messages,
            TaskletProgress progress) {
        this.sender = sender;
        this.transport = transport;
        this.messages = messages;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        var run = ReviewRun.from(contribution.getStepExecution().getJobParameters());
        DeliverySender.Outcome outcome = sender.send(run.period().toString(), run.revision(), messages.apply(run),
                progress.of(contribution.getStepExecution(), "send " + run.periodText(), "deliveries"));
        var job = contribution.getStepExecution().getJobExecution();
        ReviewStepContribution.addOutcomeLine(job, "deliveries: " + outcome.sent() + " " + transport.describe()
                + (outcome.failed() > 0 ? ", " + outcome.failed() + " FAILED (see the delivery list; resend on demand)" : "")
                + (outcome.uncertain() > 0 ? ", " + outcome.uncertain() + (outcome.uncertain() == 1 ? " delivery" : " deliveries")
                        + " uncertain (may or may not have arrived: check, then resend; see docs/delivery.md)" : ""));
        if (outcome.failed() > 0 || outcome.uncertain() > 0) {
            contribution.setExitStatus(new ExitStatus(ReviewStepContribution.COMPLETED_WITH_PROBLEMS,
                    outcome.failed() + " deliveries failed, " + outcome.uncertain() + " uncertain"));
        }
        return RepeatStatus.FINISHED;
    }
}
