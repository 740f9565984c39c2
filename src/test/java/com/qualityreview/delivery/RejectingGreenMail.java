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
import java.util.concurrent.atomic.AtomicInteger;

/** GreenMail whose SMTP server answers RCPT TO with 550 for blocked addresses and 451 for deferred ones. */
class RejectingGreenMail extends GreenMail {

    private Set<String> blocked;
    private Map<String, AtomicInteger> deferred;

    RejectingGreenMail(ServerSetup setup) {
        super(setup);
    }

    Set<String> blocked() {
        if (blocked == null) {
            blocked = ConcurrentHashMap.newKeySet();
        }
        return blocked;
    }

    /** The next {@code times} attempts for this address get a 451 (try again later). */
    void defer(String address, int times) {
        deferred().put(address, new AtomicInteger(times));
    }

    private Map<String, AtomicInteger> deferred() {
        if (deferred == null) {
            deferred = new ConcurrentHashMap<>();
        }
        return deferred;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        SmtpManager rejecting = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress recipient) {
                if (blocked().contains(recipient.getEmail())) {
                    return "550 5.1.1 <" + recipient.getEmail() + ">: Recipient address rejected: mailbox unavailable";
                }
                var left = deferred().get(recipient.getEmail());
                return left != null && left.getAndDecrement() > 0 ? "451 4.3.0 <" + recipient.getEmail() + ">: try again later" : null;
            }
        };
        return smtpOnly(config[0], managers, rejecting);
    }

    /** GreenMail's SMTP service alone, answering through {@code smtp}: how the test servers here change its replies. */
    static Map<String, AbstractServer> smtpOnly(ServerSetup setup, Managers managers, SmtpManager smtp) {
        Managers withSmtp = new Managers() {
            @Override
            public SmtpManager getSmtpManager() {
                return smtp;
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
        return Map.of(setup.getProtocol(), new SmtpServer(setup, withSmtp));
    }
}
