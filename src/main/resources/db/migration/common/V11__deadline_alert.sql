-- The deadline alert of a review period: claimed by one instance with the insert (the key makes
-- it once per period across instances and restarts), then SENT, FAILED (certainly not delivered:
-- tried again at the next tick, with the same Message-ID), UNCERTAIN (the data went out and no reply
-- came: never sent again automatically) or NO_RECIPIENTS (quality.alerts.to is empty). SENDING
-- while the message is on its way; found SENDING later, its sender stopped mid-send: uncertain too.
CREATE TABLE deadline_alert (
    period      VARCHAR(16)              NOT NULL PRIMARY KEY,
    deadline_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    missing     VARCHAR(4000)            NOT NULL,
    recipients  VARCHAR(4000),
    message_id  VARCHAR(255),
    attempts    INTEGER                  NOT NULL,
    claimed_by  VARCHAR(200)             NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE,
    last_error  VARCHAR(2000)
);
