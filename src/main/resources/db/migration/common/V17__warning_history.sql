-- Warning history (docs/review.md, Warnings > History): an active warning is NEW or CONTINUING, with the
-- period it first appeared in and for how many consecutive reviewed periods it has run. The warnings
-- of older reviews count as new in their period.
ALTER TABLE review_warning ADD COLUMN status VARCHAR(16) DEFAULT 'NEW' NOT NULL;
ALTER TABLE review_warning ADD COLUMN first_period VARCHAR(16);
UPDATE review_warning SET first_period = period;
ALTER TABLE review_warning ALTER COLUMN first_period SET NOT NULL;
ALTER TABLE review_warning ADD COLUMN periods_running INTEGER DEFAULT 1 NOT NULL;

-- The warnings of the previous review that no longer hold, shown once: kept apart from review_warning
-- so that every reader of review_warning (reports, sites at risk, emails, counts) still sees only
-- active warnings. Severity, details, first_period and periods_running as the warning last had them.
CREATE TABLE review_resolved_warning (
    period            VARCHAR(16)   NOT NULL,
    revision          INTEGER       NOT NULL,
    site_code         VARCHAR(64)   NOT NULL,
    position          INTEGER       NOT NULL,
    warning_type      VARCHAR(32)   NOT NULL,
    severity          VARCHAR(16)   NOT NULL,
    subject           VARCHAR(128),
    message           VARCHAR(1000) NOT NULL,
    message_key       VARCHAR(64),
    message_arguments VARCHAR(1000),
    first_period      VARCHAR(16)   NOT NULL,
    periods_running   INTEGER       NOT NULL,
    PRIMARY KEY (period, revision, site_code, position)
);
