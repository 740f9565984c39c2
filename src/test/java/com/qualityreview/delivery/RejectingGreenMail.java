package com.qualityreview.delivery;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail whose SMTP server answers RCPT TO with 550 for the addresses a test blocks. */
class RejectingGreenMail extends GreenMail {

    private Set<String> blocked;

    RejectingGreenMail(ServerSetup setup) {
        super(setup);
    }

    Set<String> blocked() {
        if (blocked == null) {
            blocked = ConcurrentHashMap.newKeySet();
        }
        return blocked;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        SmtpManager rejecting = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress recipient) {
                return blocked().contains(recipient.getEmail())
                        ? "550 5.1.1 <" + recipient.getEmail() + ">: Recipient address rejected: mailbox unavailable" : null;
            }
        };
        Managers withRejection = new Managers() {
            @Override
            public SmtpManager getSmtpManager() {
                return rejecting;
            }

            @Override
            public UserManager getUserManager() {
                return managers.getUserManager();
            }

            @Override
            public ImapHostManager getImapHostManager() {
                return managers.getImapHostManager();
            }
        };
        return Map.of(config[0].getProtocol(), new SmtpServer(config[0], withRejection));
    }
}
