package com.qualityreview.delivery;

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through a revision's pending deliveries. Each is marked SENDING (committed) before it goes
 * out and SENT after; a transient failure (connection refused, a 4xx reply) is retried with a
 * doubling delay, a permanent one (a 5xx reply) fails that delivery with the server's reason and
 * the others go on. A delivery left SENDING by a killed run is never sent again automatically:
 * whether the server took it cannot be known, so it is failed for a person to check and resend.
 */
final class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    record Outcome(int sent, int failed, List<Delivery> failures) {
    }

    private final DeliveryStore store;
    private final MailTransport transport;
    private final int maxAttempts;
    private final Duration firstDelay;
    private final String messageIdDomain;
    private final int threads;

    DeliverySender(DeliveryStore store, MailTransport transport, int maxAttempts, Duration firstDelay, String messageIdDomain,
            int threads) {
        this.threads = threads;
        this.store = store;
        this.transport = transport;
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.messageIdDomain = messageIdDomain;
    }

    Outcome send(String period, int revision, DeliveryMessages messages) throws InterruptedException {
        for (Delivery interrupted : store.withStatus(period, revision, Delivery.SENDING)) {
            store.failed(interrupted.id(), "interrupted while sending: it may or may not have reached the server;"
                    + " not sent again automatically (resend on demand)");
        }
        // Deliveries are independent, so several go out at once: each waits on the server's replies.
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
            for (Delivery delivery : store.withStatus(period, revision, Delivery.PENDING)) {
                running.add(pool.submit(() -> {
                    if (deliver(delivery, messages)) {
                        sent.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : running) {
                try {
                    future.get();
                }
                catch (java.util.concurrent.ExecutionException e) {
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
        return new Outcome(sent.get(), failures.size(), failures);
    }

    private boolean deliver(Delivery delivery, DeliveryMessages messages) throws InterruptedException {
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            MimeMessage message;
            try {
                message = messages.build(delivery);
            }
            catch (Exception e) {
                store.failed(delivery.id(), "cannot build the message: " + e.getMessage());
                return false;
            }
            store.sending(delivery.id());
            try {
                transport.send(message, delivery);
                store.sent(delivery.id(), DeliveryMessages.messageId(delivery, messageIdDomain));
                return true;
            }
            catch (Exception e) {
                String reason = reason(e);
                if (!transient_(e) || attempt >= maxAttempts) {
                    log.warn("delivery {} to {} failed after {} attempt(s): {}", delivery.id(), delivery.email(), attempt, reason);
                    store.failed(delivery.id(), reason);
                    return false;
                }
                store.retrying(delivery.id(), reason);
                log.info("delivery {} to {}: {}; retrying in {} ms", delivery.id(), delivery.email(), reason, delay.toMillis());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2);
            }
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
            if (t instanceof org.springframework.mail.MailSendException send) {
                for (Exception nested : send.getFailedMessages().values()) {
                    if (nested != failure && !transient_(nested)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The SMTP reply code of Angus Mail's SMTP exceptions, read without depending on the implementation. */
    private static Integer returnCode(Throwable t) {
        try {
            Method method = t.getClass().getMethod("getReturnCode");
            return (Integer) method.invoke(t);
        }
        catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    static String reason(Throwable failure) {
        Throwable deepest = failure;
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            deepest = t;
            if (returnCode(t) != null && t.getMessage() != null) {
                return t.getMessage().strip();
            }
            if (t instanceof jakarta.mail.SendFailedException send && send.getNextException() != null) {
                Exception next = send.getNextException();
                if (returnCode(next) != null) {
                    return next.getMessage().strip();
                }
            }
        }
        return (deepest.getMessage() != null ? deepest.getMessage() : message != null ? message : deepest.toString()).strip();
    }
}
