package com.qualityreview.delivery.mail;

import com.qualityreview.delivery.Delivery;

import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Where messages go: an SMTP server, or .eml files in the outbox folder when none is configured.
 * A connection is opened before a delivery is claimed, so that the delivery is SENDING only for
 * the conversation that carries its message.
 */
public interface MailTransport {

    Connection connect() throws MessagingException;

    /**
     * For a delivery found SENDING after its sender died: whether its message went out, where the
     * transport can tell (the outbox can; an SMTP server cannot be asked).
     */
    Optional<Boolean> wentOut(Delivery delivery);

    /** "sent" or "written to the outbox", for people. */
    String describe();

    interface Connection extends AutoCloseable {

        void send(MimeMessage message, Delivery delivery) throws MessagingException;

        /**
         * A message that is no stakeholder's delivery (an alert to the administrators); in the
         * outbox it is the file {@code outboxName}, written once.
         */
        void sendNotice(MimeMessage message, String outboxName) throws MessagingException;

        /**
         * After a failed send: whether the message data had gone out and no reply came back, so
         * that the server may or may not have taken it.
         */
        boolean outcomeUnknown(Exception failure);

        @Override
        void close();
    }
}
