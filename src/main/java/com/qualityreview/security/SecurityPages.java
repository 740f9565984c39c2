package com.qualityreview.security;

import com.qualityreview.system.ConsolePage;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's login page and audit log. */
@ConsolePage
class SecurityPages {

    private final AuditLog audit;
    private final LoginThrottle throttle;

    SecurityPages(AuditLog audit, LoginThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockout", LoginThrottle.minutes(throttle.lockout()));
        return "login";
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("events", AuditApi.forCurrentUser(audit.recent(200)));
        return "audit";
    }
}
