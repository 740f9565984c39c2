package com.qualityreview.delivery.mail;

import com.qualityreview.delivery.Delivery;
import com.qualityreview.delivery.job.DeliverySender;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection that knows how far a message got. Once the data's final dot has been
 * written, the server may deliver the message whatever happens next; a failure after that point
 * without a reply from the server leaves the outcome unknown.
 */
final class SmtpConnection extends SMTPTransport implements MailTransport.Connection {

    private volatile boolean dataFinished;

    SmtpConnection(Session session, String protocol) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        dataFinished = true;
        super.finishData();
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        dataFinished = true;
        super.finishBdat();
    }

    @Override
    public void send(MimeMessage message, Delivery delivery) throws MessagingException {
        dataFinished = false;
        sendMessage(message, message.getAllRecipients());
    }

    @Override
    public void sendNotice(MimeMessage message, String outboxName) throws MessagingException {
        dataFinished = false;
        sendMessage(message, message.getAllRecipients());
    }

    /** Unknown when the data was finished and the server gave no reply code (a timeout, a reset, end of stream). */
    @Override
    public boolean outcomeUnknown(Exception failure) {
        if (!dataFinished) {
            return false;
        }
        return DeliverySender.replyCode(failure).isEmpty();
    }

    @Override
    public void close() {
        try {
            super.close();
        }
        catch (MessagingException e) {
            // The message's fate was settled before QUIT; a failed goodbye changes nothing.
        }
    }
}
