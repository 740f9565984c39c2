package com.qualityreview.delivery;

import java.util.Optional;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewStepContribution;
import com.qualityreview.system.ConflictException;
import com.qualityreview.system.NotFoundException;

import org.springframework.stereotype.Component;

/** Deliveries on demand: resend a review's failed deliveries, or everything one address was sent. */
@Component
public class Deliveries {

    private final DeliveryStore store;
    private final MailTransport transport;
    private final ReviewResults results;
    private final DeliveryConfiguration.DeliverySettings settings;

    Deliveries(DeliveryStore store, MailTransport transport, ReviewResults results, DeliveryConfiguration.DeliverySettings settings) {
        this.store = store;
        this.transport = transport;
        this.results = results;
        this.settings = settings;
    }

    public record Resent(int revision, int reopened, int sent, int failed, String transport) {
    }

    /**
     * Sends again, as new attempts: the failed deliveries of a revision (default: its latest), or
     * with {@code to} every delivery of that address, sent ones included — on request only.
     */
    public Resent resend(Period period, Optional<Integer> revision, Optional<String> to) throws InterruptedException {
        int number = revision.or(() -> store.latestRevision(period.toString()))
                .orElseThrow(() -> new IllegalArgumentException("there are no deliveries for " + period));
        int reopened = store.reopen(period.toString(), number, to);
        return sendPending(period, number, reopened);
    }

    /** Sends one delivery again, as a new attempt, whether it failed or was sent. */
    public Resent resend(long id) throws InterruptedException {
        Delivery delivery = store.find(id).orElseThrow(() -> new NotFoundException("there is no delivery " + id));
        if (store.reopen(id) == 0) {
            throw new ConflictException("delivery " + id + " is being sent right now");
        }
        return sendPending(Period.parse(delivery.period()), delivery.revision(), 1);
    }

    private Resent sendPending(Period period, int number, int reopened) throws InterruptedException {
        var run = new ReviewStepContribution.ReviewRun(period, number, results.load(period, number)
                .orElseThrow(() -> new IllegalArgumentException("there is no review of " + period + " revision " + number)).zone());
        DeliverySender.Outcome outcome = DeliveryConfiguration.sender(store, transport, settings)
                .send(period.toString(), number, DeliveryConfiguration.messages(results, settings, run));
        return new Resent(number, reopened, outcome.sent(), outcome.failed(), transport.describe());
    }

    public DeliveryStore store() {
        return store;
    }
}
