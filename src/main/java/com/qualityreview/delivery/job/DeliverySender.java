package com.qualityreview.delivery.job;

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import com.qualityreview.delivery.Delivery;
import com.qualityreview.delivery.mail.DeliveryMessages;
import com.qualityreview.delivery.mail.MailTransport;
import com.qualityreview.system.Leases;
import com.qualityreview.system.WorkProgress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailSendException;
import jakarta.mail.SendFailedException;

/**
 * Works through a revision's pending deliveries, each exactly once. A delivery is claimed with a
 * guarded update (only a PENDING row becomes SENDING, so of two senders one gets it) after its
 * connection is open, and is SENDING only for the conversation that carries its message; it is
 * SENT once the server accepted the data. A transient failure (no connection, a 4xx reply) is
 * retried with a doubling delay; a permanent one (a 5xx reply) fails that delivery with the
 * server's reason and the others go on. A failure after the message data went out with no reply
 * from the server, or a delivery found SENDING whose sender has died, is UNCERTAIN: it may have
 * arrived, so it is never sent again automatically; an administrator resends it, with the same
 * Message-ID.
 */
public final class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    public record Outcome(int sent, int failed, int uncertain, List<Delivery> failures) {
    }

    private final DeliveryStore store;
    private final MailTransport transport;
    private final Leases leases;
    private final int maxAttempts;
    private final Duration firstDelay;
    private final String messageIdDomain;
    private final int threads;

    DeliverySender(DeliveryStore store, MailTransport transport, Leases leases, int maxAttempts, Duration firstDelay,
            String messageIdDomain, int threads) {
        this.store = store;
        this.transport = transport;
        this.leases = leases;
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.messageIdDomain = messageIdDomain;
        this.threads = threads;
    }

    /** Sends every pending delivery of a revision. */
    public Outcome send(String period, int revision, DeliveryMessages messages) throws InterruptedException {
        return send(period, revision, messages, WorkProgress.NONE);
    }

    /**
     * Sends every pending delivery of a revision, once those a stopped sender left SENDING are
     * settled; {@code progress} counts all the revision's deliveries, those settled before this run
     * (by an earlier execution) as already done.
     */
    public Outcome send(String period, int revision, DeliveryMessages messages, WorkProgress progress) throws InterruptedException {
        settleOrphans(period, revision);
        List<Delivery> pending = store.withStatus(period, revision, Delivery.PENDING);
        int total = store.count(period, revision);
        progress.started(total, total - pending.size());
        try (Leases.Lease lease = leases.acquire("deliveries")) {
            return send(period, revision, messages, pending, lease.id(), progress);
        }
    }

    /** Sends these deliveries, those of them still pending. */
    public Outcome send(String period, int revision, DeliveryMessages messages, List<Delivery> deliveries) throws InterruptedException {
        settleOrphans(period, revision);
        try (Leases.Lease lease = leases.acquire("deliveries")) {
            return send(period, revision, messages, deliveries, lease.id(), WorkProgress.NONE);
        }
    }

    private Outcome send(String period, int revision, DeliveryMessages messages, List<Delivery> deliveries, String sender,
            WorkProgress progress) throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        // Deliveries are independent, so several go out at once: each waits on the server's replies.
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, deliveries.size())));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                running.add(pool.submit(() -> {
                    if (deliver(delivery, messages, sender)) {
                        sent.incrementAndGet();
                    }
                    progress.oneDone();
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                }
                catch (ExecutionException e) {
                    // A fatal error ends the run as it would end the process; pending ones stay pending.
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        finally {
            pool.shutdownNow();
        }
        List<Delivery> failures = store.withStatus(period, revision, Delivery.FAILED);
        int uncertain = store.withStatus(period, revision, Delivery.UNCERTAIN).size();
        return new Outcome(sent.get(), failures.size(), uncertain, failures);
    }

    /**
     * Deliveries left SENDING by a sender that is gone: settled by what the transport can tell
     * (the outbox folder can), otherwise UNCERTAIN. Those of a live sender, in this process or
     * another, are left alone.
     */
    public void settleOrphans(String period, int revision) {
        for (DeliveryStore.InFlight flight : store.inFlight(period, revision)) {
            if (leases.isAlive(flight.senderId())) {
                continue;
            }
            Delivery delivery = flight.delivery();
            Optional<Boolean> wentOut = transport.wentOut(delivery);
            if (wentOut.isEmpty()) {
                log.warn("delivery {} to {} was being sent when its sender stopped: UNCERTAIN", delivery.id(), delivery.email());
                store.settleOrphan(delivery.id(), flight.senderId(), Delivery.UNCERTAIN, "its sender stopped while sending: the"
                        + " server may or may not have taken the message; not sent again automatically (check, then resend)");
            }
            else {
                store.settleOrphan(delivery.id(), flight.senderId(), wentOut.get() ? Delivery.SENT : Delivery.PENDING,
                        wentOut.get() ? null : "its sender stopped before the message was written; sent again");
            }
        }
    }

    private boolean deliver(Delivery delivery, DeliveryMessages messages, String sender) throws InterruptedException {
        // The same Message-ID on every attempt of one message, so a mailbox that got it once keeps one.
        String messageId = delivery.messageId() != null ? delivery.messageId()
                : delivery.sendAsCopy() ? DeliveryMessages.copyId(delivery, delivery.attempts() + 1, messageIdDomain)
                : DeliveryMessages.messageId(delivery, messageIdDomain);
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            MimeMessage message;
            try {
                message = messages.build(delivery, messageId);
            }
            catch (Exception e) {
                store.failedPending(delivery.id(), "cannot build the message: " + e.getMessage());
                return false;
            }
            MailTransport.Connection connection;
            try {
                connection = transport.connect();
            }
            catch (Exception e) {
                String reason = reason(e);
                if (!transient_(e) || attempt >= maxAttempts) {
                    log.warn("delivery {} to {} failed after {} attempt(s): {}", delivery.id(), delivery.email(), attempt, reason);
                    store.notConnected(delivery.id(), reason);
                    store.failedPending(delivery.id(), reason);
                    return false;
                }
                store.notConnected(delivery.id(), reason);
                log.info("delivery {} to {}: {}; retrying in {} ms", delivery.id(), delivery.email(), reason, delay.toMillis());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2);
                continue;
            }
            try (connection) {
                if (!store.claim(delivery.id(), sender, messageId)) {
                    // Sent, being sent, or taken back by someone else meanwhile: not ours to send.
                    return false;
                }
                try {
                    connection.send(message, delivery);
                    store.sent(delivery.id(), sender);
                    return true;
                }
                catch (Exception e) {
                    String reason = reason(e);
                    if (connection.outcomeUnknown(e)) {
                        log.warn("delivery {} to {} is UNCERTAIN: the message data went out but no reply came ({})", delivery.id(),
                                delivery.email(), reason);
                        store.uncertain(delivery.id(), sender, "the message data went out but the server's reply did not come"
                                + " back (" + reason + "): it may have arrived; not sent again automatically (check, then resend)");
                        return false;
                    }
                    if (!transient_(e) || attempt >= maxAttempts) {
                        log.warn("delivery {} to {} failed after {} attempt(s): {}", delivery.id(), delivery.email(), attempt, reason);
                        store.failed(delivery.id(), sender, reason);
                        return false;
                    }
                    store.retrying(delivery.id(), sender, reason);
                    log.info("delivery {} to {}: {}; retrying in {} ms", delivery.id(), delivery.email(), reason, delay.toMillis());
                }
            }
            Thread.sleep(delay.toMillis());
            delay = delay.multipliedBy(2);
        }
    }

    /** 4xx replies and connection problems pass; 5xx replies are the server's final word. */
    static boolean transient_(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Integer code = returnCode(t);
            if (code != null && code > 0) {
                return code < 500;
            }
            if (t instanceof ConnectException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof MailSendException send) {
                for (Exception nested : send.getFailedMessages().values()) {
                    if (nested != failure && !transient_(nested)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The reply code the server gave, anywhere in a failure's causes (a code of 0 or -1 means no reply). */
    public static Optional<Integer> replyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Integer code = returnCode(t);
            if (code != null && code >= 200 && code <= 599) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** The SMTP reply code of Angus Mail's SMTP exceptions, read without depending on the implementation. */
    static Integer returnCode(Throwable t) {
        try {
            Method method = t.getClass().getMethod("getReturnCode");
            return (Integer) method.invoke(t);
        }
        catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    /** Why a send failed, in the server's words where it gave any. */
    public static String reason(Throwable failure) {
        Throwable deepest = failure;
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            deepest = t;
            if (returnCode(t) != null && t.getMessage() != null) {
                return t.getMessage().strip();
            }
            if (t instanceof SendFailedException send && send.getNextException() != null) {
                Exception next = send.getNextException();
                if (returnCode(next) != null) {
                    return next.getMessage().strip();
                }
            }
        }
        return (deepest.getMessage() != null ? deepest.getMessage() : message != null ? message : deepest.toString()).strip();
    }
}
