package com.qualityreview.delivery;

import java.util.List;
import java.util.Optional;

import com.qualityreview.delivery.job.DeliveryConfiguration;
import com.qualityreview.delivery.job.DeliverySender;
import com.qualityreview.delivery.job.DeliveryStore;
import com.qualityreview.delivery.mail.DeliveryMessages;
import com.qualityreview.delivery.mail.MailTransport;
import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.system.Audited;
import com.qualityreview.system.ConflictException;
import com.qualityreview.system.Leases;
import com.qualityreview.system.NotFoundException;
import com.qualityreview.system.ServerDetails;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import java.util.Locale;

/**
 * Deliveries on demand: resend a review's failed (and, when asked, uncertain) deliveries, a copy
 * of everything one address was sent, or one delivery; each resend recorded in the audit log.
 */
@Component
public class Deliveries {

    private final DeliveryStore store;
    private final MailTransport transport;
    private final ReviewResults results;
    private final Leases leases;
    private final DeliveryConfiguration.DeliverySettings settings;
    private final ApplicationEventPublisher events;

    Deliveries(DeliveryStore store, MailTransport transport, ReviewResults results, Leases leases,
            DeliveryConfiguration.DeliverySettings settings, ApplicationEventPublisher events) {
        this.store = store;
        this.transport = transport;
        this.results = results;
        this.leases = leases;
        this.settings = settings;
        this.events = events;
    }

    /** What a resend did: {@code failed} and {@code uncertain} count the deliveries left in those states. */
    public record Resent(int revision, int reopened, int sent, int failed, int uncertain, String transport) {
    }

    /**
     * Sends again, as new attempts: the failed deliveries of a revision (default: its latest) and,
     * with {@code uncertainToo}, the uncertain ones, each with its own Message-ID; or with
     * {@code to} a copy of every delivery of that address, sent ones included, each with a new
     * Message-ID — on request only. Recorded in the audit log.
     */
    public Resent resend(Period period, Optional<Integer> revision, Optional<String> to, boolean uncertainToo)
            throws InterruptedException {
        int number = revision.or(() -> store.latestRevision(period.toString()))
                .orElseThrow(() -> new IllegalArgumentException("there are no deliveries for " + period));
        DeliveryMessages messages = messages(period, number);
        DeliverySender sender = DeliveryConfiguration.sender(store, transport, leases, settings);
        sender.settleOrphans(period.toString(), number);
        int reopened = store.reopen(period.toString(), number, to, uncertainToo);
        DeliverySender.Outcome outcome = sender.send(period.toString(), number, messages);
        Resent resent = new Resent(number, reopened, outcome.sent(), outcome.failed(), outcome.uncertain(), transport.describe());
        events.publishEvent(new Audited("resend", period + " r" + number + to.map(t -> " to " + t).orElse(""), resent.reopened()
                + " reopened, " + resent.sent() + " sent, " + resent.failed() + " failed, " + resent.uncertain() + " uncertain"));
        return resent;
    }

    /**
     * Sends one delivery again, as a new attempt, and only that one: a failed or uncertain one
     * with its own Message-ID, a sent one as a copy with a new Message-ID. Refused while it is
     * being sent. Recorded in the audit log.
     */
    public Resent resend(long id) throws InterruptedException {
        Delivery delivery = store.find(id).orElseThrow(() -> new NotFoundException("there is no delivery " + id));
        Period period = Period.parse(delivery.period());
        DeliveryMessages messages = messages(period, delivery.revision());
        DeliverySender sender = DeliveryConfiguration.sender(store, transport, leases, settings);
        sender.settleOrphans(delivery.period(), delivery.revision());
        if (store.reopen(id) == 0) {
            throw new ConflictException("delivery " + id + " is being sent right now");
        }
        DeliverySender.Outcome outcome = sender.send(delivery.period(), delivery.revision(), messages,
                List.of(store.find(id).orElseThrow()));
        Delivery resent = store.find(id).orElseThrow();
        events.publishEvent(new Audited("resend", "delivery " + id + " (" + resent.period() + " r" + resent.revision() + " to "
                + resent.email() + ")", resent.status() + (resent.lastError() == null ? "" : ": " + resent.lastError())));
        return new Resent(delivery.revision(), 1, outcome.sent(), resent.status().equals(Delivery.FAILED) ? 1 : 0,
                resent.status().equals(Delivery.UNCERTAIN) ? 1 : 0, transport.describe());
    }

    /**
     * The deliveries of a period and in a status, where given (as typed: a blank one is none), as
     * shown to the person logged in: a VIEWER sees why a delivery failed, not the paths or SQL in the error.
     */
    public List<Delivery> find(Optional<String> period, Optional<String> status) {
        Optional<String> checkedStatus = status.filter(s -> !s.isBlank()).map(s -> s.toUpperCase(Locale.ROOT));
        if (checkedStatus.isPresent() && !Delivery.STATUSES.contains(checkedStatus.get())) {
            throw new IllegalArgumentException("status: '" + status.get() + "' is not one of " + Delivery.STATUSES);
        }
        List<Delivery> found = store.find(period.filter(p -> !p.isBlank()).map(p -> Period.parse(p).toString()), checkedStatus);
        if (!ServerDetails.hiddenFromCurrentUser()) {
            return found;
        }
        return found.stream().map(d -> new Delivery(d.id(), d.period(), d.revision(), d.email(), d.name(), d.locale(), d.scope(),
                d.attachment(), d.status(), d.attempts(), ServerDetails.hide(d.lastError()), d.lastAttemptAt(), d.sentAt(),
                d.messageId(), d.sendAsCopy())).toList();
    }

    private DeliveryMessages messages(Period period, int number) {
        var run = new ReviewRun(period, number, results.load(period, number)
                .orElseThrow(() -> new IllegalArgumentException("there is no review of " + period + " revision " + number)).zone());
        return DeliveryConfiguration.messages(results, settings, run);
    }
}
