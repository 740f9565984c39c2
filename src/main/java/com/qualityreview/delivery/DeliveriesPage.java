package com.qualityreview.delivery;

import java.util.Optional;

import com.qualityreview.system.ConsolePage;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's deliveries page: who was sent what, and sending one again. */
@ConsolePage
class DeliveriesPage {

    private final Deliveries deliveries;

    DeliveriesPage(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/deliveries")
    String list(@RequestParam Optional<String> period, @RequestParam Optional<String> status, Model model) {
        model.addAttribute("period", period.orElse(""));
        model.addAttribute("status", status.orElse(""));
        model.addAttribute("statuses", Delivery.STATUSES);
        model.addAttribute("deliveries", deliveries.find(period, status));
        return "deliveries";
    }

    @PostMapping("/deliveries/{id}/resend")
    String resend(@PathVariable long id, RedirectAttributes redirect) throws InterruptedException {
        Deliveries.Resent resent = deliveries.resend(id);
        redirect.addFlashAttribute(resent.failed() + resent.uncertain() == 0 ? "message" : "error", "delivery " + id + ": "
                + resent.sent() + " sent, " + resent.failed() + " failed, " + resent.uncertain() + " uncertain (" + resent.transport() + ")");
        return "redirect:/deliveries";
    }
}
