package com.qualityreview.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.qualityreview.alerts.DeadlineWatchdog;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandSpec;
import com.qualityreview.system.UploadsRetention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code serve} (also with no command): runs the schedules until the process is stopped, while the
 * web server (started for this command only) serves the console and the API. The first tick at
 * start catches up what was missed while the application was down.
 */
@Component
public class ServeCommand implements Command {

    public static final CommandSpec SPEC = new CommandSpec("serve", List.of(),
            "run the web console and HTTP API (port 8080, server.port) and the schedules (nightly inbound scan, monthly review)"
                    + " until stopped", List.of());

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final Scheduler scheduler;
    private final Duration tick;
    private final UploadsRetention uploads;
    private final DeadlineWatchdog watchdog;

    private final ApplicationEventPublisher events;

    ServeCommand(Scheduler scheduler, SchedulingProperties settings, UploadsRetention uploads, DeadlineWatchdog watchdog,
            ApplicationEventPublisher events) {
        this.scheduler = scheduler;
        this.tick = settings.tick();
        this.uploads = uploads;
        this.watchdog = watchdog;
        this.events = events;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws InterruptedException {
        // Two threads: a monthly review runs inside its schedule's tick, and the deadline watchdog must
        // not wait for it (a review still running at the deadline is what it reports).
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        ticks.scheduleWithFixedDelay(() -> {
            try {
                scheduler.tick();
            }
            catch (RuntimeException e) {
                log.warn("schedule tick failed: {}", e.getMessage());
            }
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        ticks.scheduleWithFixedDelay(() -> {
            try {
                watchdog.check();
            }
            catch (RuntimeException e) {
                log.warn("deadline watchdog failed: {}", e.getMessage());
            }
            // First look one tick after start: a review the catch-up launches is then running, and the alert says so.
        }, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        // Uploads past quality.uploads.retention: at start, then every hour.
        ticks.scheduleWithFixedDelay(() -> {
            try {
                uploads.deleteOld();
            }
            catch (RuntimeException e) {
                log.warn("deleting old uploads failed: {}", e.getMessage());
            }
        }, 0, 1, TimeUnit.HOURS);
        // Spring Boot calls the application ready when the command-line runners return, which serving
        // never does: without this, /actuator/health/readiness would stay OUT_OF_SERVICE for ever.
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        log.info("serving: schedules run every {} s; stop with Ctrl-C", tick.toSeconds());
        stopped.await();
        ticks.shutdownNow();
        return 0;
    }
}
