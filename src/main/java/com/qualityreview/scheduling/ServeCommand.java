package com.qualityreview.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.qualityreview.system.Command;
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
class ServeCommand implements Command {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final Scheduler scheduler;
    private final Duration tick;
    private final UploadsRetention uploads;

    private final ApplicationEventPublisher events;

    ServeCommand(Scheduler scheduler, SchedulingProperties settings, UploadsRetention uploads, ApplicationEventPublisher events) {
        this.scheduler = scheduler;
        this.tick = settings.tick();
        this.uploads = uploads;
        this.events = events;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String usage() {
        return "   run the web console and HTTP API (port 8080) and the schedules (nightly inbound scan, monthly review) until stopped";
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws InterruptedException {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
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
