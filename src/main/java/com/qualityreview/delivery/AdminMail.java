package com.qualityreview.delivery;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.qualityreview.delivery.job.DeliverySender;
import com.qualityreview.delivery.mail.MailTransport;

import org.springframework.stereotype.Component;

import java.util.Properties;

/**
 * A plain-text message to the administrators (an alert, not a stakeholder's report), sent the way
 * deliveries are: over SMTP when spring.mail.host is set, otherwise as a file in
 * quality.outbox-dir; from quality.mail.from, with a Message-ID in quality.mail.message-id-domain.
 * One attempt: the caller records the outcome and decides whether to try again.
 */
@Component
public class AdminMail {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** How one attempt ended. UNCERTAIN: the message data went out and no reply came back; it may have arrived. */
    public enum Outcome {
        SENT, FAILED, UNCERTAIN
    }

    /** {@code reason}: why it failed or is uncertain, in the server's words where it gave any; null once sent. */
    public record Attempt(Outcome outcome, String reason) {
    }

    private final MailTransport transport;
    private final DeliveryProperties settings;

    AdminMail(MailTransport transport, DeliveryProperties settings) {
        this.transport = transport;
        this.settings = settings;
    }

    /** The Message-ID of the message named {@code name} (letters, digits, dots and dashes), the same on every attempt. */
    public String messageId(String name) {
        return "<quality-review." + name + "@" + settings.mail().messageIdDomain() + ">";
    }

    /** Sends one message; in the outbox it is {@code <name>.eml} for the name its Message-ID was made from. */
    public Attempt send(List<String> to, String subject, String text, String messageId, String name) {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(settings.mail().from(), true));
            for (String address : to) {
                message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
            }
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.saveChanges();
        }
        catch (MessagingException e) {
            return new Attempt(Outcome.FAILED, "cannot build the message: " + e.getMessage());
        }
        try (MailTransport.Connection connection = transport.connect()) {
            try {
                connection.sendNotice(message, name + ".eml");
                return new Attempt(Outcome.SENT, null);
            }
            catch (Exception e) {
                return new Attempt(connection.outcomeUnknown(e) ? Outcome.UNCERTAIN : Outcome.FAILED, DeliverySender.reason(e));
            }
        }
        catch (Exception e) {
            return new Attempt(Outcome.FAILED, DeliverySender.reason(e));
        }
    }

    /** "sent" or "written to the outbox", for people. */
    public String describe() {
        return transport.describe();
    }
}
