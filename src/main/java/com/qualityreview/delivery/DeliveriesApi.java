package com.qualityreview.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.qualityreview.review.Period;
import com.qualityreview.security.AuditLog;
import com.qualityreview.system.ServerDetails;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries of reviews: list them, and send one again. */
@RestController
class DeliveriesApi {

    private final Deliveries deliveries;
    private final AuditLog audit;

    DeliveriesApi(Deliveries deliveries, AuditLog audit) {
        this.deliveries = deliveries;
        this.audit = audit;
    }

    @GetMapping("/api/deliveries")
    List<Delivery> list(@RequestParam Optional<String> period, @RequestParam Optional<String> status) {
        return find(deliveries, period, status);
    }

    /** Sends the delivery again now and answers with how it went (sending one email takes seconds, not minutes). */
    @PostMapping("/api/deliveries/{id}/resend")
    Deliveries.Resent resend(@PathVariable long id) throws InterruptedException {
        return resend(deliveries, audit, id);
    }

    static List<Delivery> find(Deliveries deliveries, Optional<String> period, Optional<String> status) {
        Optional<String> checkedStatus = status.filter(s -> !s.isBlank()).map(s -> s.toUpperCase(Locale.ROOT));
        if (checkedStatus.isPresent() && !Delivery.STATUSES.contains(checkedStatus.get())) {
            throw new IllegalArgumentException("status: '" + status.get() + "' is not one of " + Delivery.STATUSES);
        }
        List<Delivery> found = deliveries.store().find(period.filter(p -> !p.isBlank()).map(p -> Period.parse(p).toString()), checkedStatus);
        if (!ServerDetails.hiddenFromCurrentUser()) {
            return found;
        }
        // A VIEWER sees why a delivery failed, not the paths or SQL in the error.
        return found.stream().map(d -> new Delivery(d.id(), d.period(), d.revision(), d.email(), d.name(), d.locale(), d.scope(),
                d.attachment(), d.status(), d.attempts(), ServerDetails.hide(d.lastError()), d.lastAttemptAt(), d.sentAt(),
                d.messageId(), d.sendAsCopy())).toList();
    }

    static Deliveries.Resent resend(Deliveries deliveries, AuditLog audit, long id) throws InterruptedException {
        Deliveries.Resent resent = deliveries.resend(id);
        Delivery delivery = deliveries.store().find(id).orElseThrow();
        audit.record("resend", "delivery " + id + " (" + delivery.period() + " r" + delivery.revision() + " to " + delivery.email() + ")",
                delivery.status() + (delivery.lastError() == null ? "" : ": " + delivery.lastError()));
        return resent;
    }
}
