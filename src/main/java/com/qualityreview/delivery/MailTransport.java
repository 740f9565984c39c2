package com.qualityreview.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Where messages go: an SMTP server, or .eml files in the outbox folder when none is configured. */
interface MailTransport {

    void send(MimeMessage message, Delivery delivery) throws MessagingException;

    /** "sent" or "written to the outbox", for people. */
    String describe();
}
