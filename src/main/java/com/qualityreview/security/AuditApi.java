package com.qualityreview.security;

import java.util.List;

import com.qualityreview.system.ServerDetails;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: the newest administrator actions first. */
@RestController
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    List<AuditLog.Event> recent(@RequestParam(defaultValue = "100") int limit) {
        return forCurrentUser(audit.recent(limit));
    }

    /** A VIEWER sees targets and outcomes without absolute paths or SQL (the console's page too). */
    static List<AuditLog.Event> forCurrentUser(List<AuditLog.Event> events) {
        if (!ServerDetails.hiddenFromCurrentUser()) {
            return events;
        }
        return events.stream().map(e -> new AuditLog.Event(e.id(), e.at(), e.username(), e.action(), ServerDetails.hide(e.target()),
                ServerDetails.hide(e.outcome()))).toList();
    }
}
