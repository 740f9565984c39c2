package com.qualityreview.alerts;

import com.qualityreview.system.ConsolePage;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every console page shows a missed deadline (and, once the work is done, that it was met late): see layout.html. */
@ControllerAdvice(annotations = ConsolePage.class)
class DeadlineNotice {

    private final DeadlineWatchdog watchdog;

    DeadlineNotice(DeadlineWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @ModelAttribute("deadline")
    DeadlineWatchdog.Deadline deadline() {
        // Not on the login page: the state of the work is for people who logged in.
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return null;
        }
        DeadlineWatchdog.Deadline deadline = watchdog.status();
        return deadline.noticed() ? deadline : null;
    }
}
