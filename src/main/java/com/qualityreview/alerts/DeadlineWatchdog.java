package com.qualityreview.alerts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.qualityreview.delivery.AdminMail;
import com.qualityreview.review.Period;
import com.qualityreview.system.QualityProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The deadline of the monthly review, watched. {@link #check()} (each tick of {@code serve}) sends
 * one alert per period when the previous month's review missed its deadline: claimed in the shared
 * database first, so of several instances and restarts one sends it; a send that failed for certain
 * is tried again at the next tick with the same Message-ID, an uncertain one never. {@link #status()}
 * is what the console and the API show; it follows the work, so a missed deadline turns MET_LATE
 * by itself once the review completes and every delivery is sent.
 */
@Component
public class DeadlineWatchdog {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatchdog.class);

    /** What the console and GET /api/deadline show: the period's status and what became of its alert (nulls when none). */
    public record Deadline(String period, String deadline, Instant deadlineAt, DeadlineStatus.State state, List<String> missing,
            Instant metAt, String metAtShown, String alertStatus, Instant alertSentAt, String alertMessageId) {

        /** Shown on every console page while missed, and as a quieter line once met late. */
        public boolean noticed() {
            return state == DeadlineStatus.State.MISSED || state == DeadlineStatus.State.MET_LATE;
        }
    }

    private final AlertsProperties settings;
    private final DeadlineRule rule;
    private final WatchedWork work;
    private final DeadlineAlerts alerts;
    private final AdminMail mail;
    private final Clock clock;
    private final String instance;

    @Autowired
    DeadlineWatchdog(AlertsProperties settings, QualityProperties properties, WatchedWork work, DeadlineAlerts alerts, AdminMail mail,
            Clock clock) {
        this(settings, new DeadlineRule(settings.deadlineDay(), settings.deadlineTime(), properties.zoneId()), work, alerts, mail,
                clock, hostName() + "/" + ProcessHandle.current().pid());
    }

    private DeadlineWatchdog(AlertsProperties settings, DeadlineRule rule, WatchedWork work, DeadlineAlerts alerts, AdminMail mail,
            Clock clock, String instance) {
        this.settings = settings;
        this.rule = rule;
        this.work = work;
        this.alerts = alerts;
        this.mail = mail;
        this.clock = clock;
        this.instance = instance;
    }

    /** The same watchdog seen by another instance, or at another time (tests). */
    public DeadlineWatchdog withClock(Clock otherClock, String otherInstance) {
        return new DeadlineWatchdog(settings, rule, work, alerts, mail, otherClock, otherInstance);
    }

    /** The watched period (the previous month) now, with its alert. */
    public Deadline status() {
        Instant now = clock.instant();
        DeadlineStatus status = judge(rule.watchedPeriod(now), now);
        return view(status, alerts.find(status.period().toString()).orElse(null));
    }

    /** Sends the watched period's alert if its deadline was missed and nobody has sent it; returns the status seen. */
    public Deadline check() {
        Instant now = clock.instant();
        DeadlineStatus status = judge(rule.watchedPeriod(now), now);
        if (status.state() == DeadlineStatus.State.MISSED) {
            alert(status, now);
        }
        return view(status, alerts.find(status.period().toString()).orElse(null));
    }

    private DeadlineStatus judge(Period period, Instant now) {
        ReviewState review = work.review(period);
        return DeadlineStatus.judge(period, rule.deadlineOf(period).toInstant(), now, review, work.deliveries(period, review), rule);
    }

    private void alert(DeadlineStatus status, Instant now) {
        String period = status.period().toString();
        String missing = String.join("\n", status.missing());
        if (settings.to().isEmpty()) {
            if (alerts.claim(period, status.deadline(), DeadlineAlerts.NO_RECIPIENTS, missing, null, null, instance, now)) {
                log.warn("{}; no alert email: quality.alerts.to is not set. Missing: {}", subject(status), String.join("; ", status.missing()));
            }
            return;
        }
        String name = "deadline-alert." + period;
        String messageId = mail.messageId(name);
        if (!alerts.claim(period, status.deadline(), DeadlineAlerts.SENDING, missing, String.join(", ", settings.to()), messageId,
                instance, now)) {
            return;
        }
        AdminMail.Attempt attempt = mail.send(settings.to(), subject(status), body(status), messageId, name);
        switch (attempt.outcome()) {
            case SENT -> {
                alerts.finish(period, instance, DeadlineAlerts.SENT, clock.instant(), null);
                log.warn("{}; alert {} to {}", subject(status), mail.describe(), String.join(", ", settings.to()));
            }
            case UNCERTAIN -> {
                alerts.finish(period, instance, DeadlineAlerts.UNCERTAIN, null, attempt.reason());
                log.warn("{}; the alert to {} is UNCERTAIN (the data went out, no reply came: {}); not sent again",
                        subject(status), String.join(", ", settings.to()), attempt.reason());
            }
            case FAILED -> {
                alerts.finish(period, instance, DeadlineAlerts.FAILED, null, attempt.reason());
                log.warn("{}; the alert to {} failed ({}); tried again at the next tick", subject(status),
                        String.join(", ", settings.to()), attempt.reason());
            }
        }
    }

    String subject(DeadlineStatus status) {
        return "Quality Review: review of " + status.period() + " missed its deadline (" + rule.shown(status.deadline()) + ")";
    }

    String body(DeadlineStatus status) {
        StringBuilder body = new StringBuilder();
        body.append("The review of ").append(status.period()).append(" was due by ").append(rule.shown(status.deadline()))
                .append(": completed, with every report email sent. It is not done yet. What is missing:\n\n");
        status.missing().forEach(line -> body.append("  - ").append(line).append('\n'));
        body.append("\nThe console (Executions and Deliveries pages) and GET /api/deadline show where it stands; they will say")
                .append(" \"met late\" once the work is done. This is the only alert for ").append(status.period()).append(".\n");
        return body.toString();
    }

    private Deadline view(DeadlineStatus status, DeadlineAlerts.Alert alert) {
        return new Deadline(status.period().toString(), rule.shown(status.deadline()), status.deadline(), status.state(),
                status.missing(), status.metAt(), status.metAt() == null ? null : rule.shown(status.metAt()),
                alert == null ? null : alert.status(), alert == null ? null : alert.sentAt(), alert == null ? null : alert.messageId());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
