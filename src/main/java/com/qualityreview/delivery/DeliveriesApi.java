package com.qualityreview.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries of reviews: list them, and send one again. */
@RestController
class DeliveriesApi {

    private final Deliveries deliveries;

    DeliveriesApi(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** The period and status filters as typed: left empty (as the console's form sends them), they filter nothing. */
    @GetMapping("/api/deliveries")
    List<Delivery> list(@RequestParam Optional<String> period, @RequestParam Optional<String> status) {
        return deliveries.find(period, status);
    }

    /** Sends the delivery again now and answers with how it went (sending one email takes seconds, not minutes). */
    @PostMapping("/api/deliveries/{id}/resend")
    Deliveries.Resent resend(@PathVariable long id) throws InterruptedException {
        return deliveries.resend(id);
    }
}
