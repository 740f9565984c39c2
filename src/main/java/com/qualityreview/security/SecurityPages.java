package com.qualityreview.security;

import com.qualityreview.system.ConsolePage;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's login page and audit log. */
@ConsolePage
class SecurityPages {

    private final AuditLog audit;

    SecurityPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("events", audit.recent(200));
        return "audit";
    }
}
