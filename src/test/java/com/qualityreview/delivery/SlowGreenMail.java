package com.qualityreview.delivery;

import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail whose SMTP server, having taken a message, waits before it answers "250 OK", as a
 * busy relay may: for that moment the message has arrived but its sender cannot know it. A sender
 * killed then has sent a message it has no record of sending.
 */
class SlowGreenMail extends GreenMail {

    // Not initialised in a declaration: the super constructor creates the services before that would run.
    private volatile long millisBeforeAnswer;

    SlowGreenMail(ServerSetup setup, long millisBeforeAnswer) {
        super(setup);
        this.millisBeforeAnswer = millisBeforeAnswer;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        SmtpManager slow = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public void send(SmtpState state) {
                // Delivered to the mailbox (getReceivedMessages shows it) before the reply goes out.
                super.send(state);
                try {
                    Thread.sleep(millisBeforeAnswer);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        return RejectingGreenMail.smtpOnly(config[0], managers, slow);
    }
}
