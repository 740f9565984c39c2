package com.qualityreview.alerts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The monthly review's deadline: the watched period, its state, what is missing and the alert sent. */
@RestController
class DeadlineApi {

    private final DeadlineWatchdog watchdog;

    DeadlineApi(DeadlineWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @GetMapping("/api/deadline")
    DeadlineWatchdog.Deadline deadline() {
        return watchdog.status();
    }
}
