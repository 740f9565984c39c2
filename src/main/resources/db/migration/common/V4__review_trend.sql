-- Trend of the headline feedback figures over the 12 periods ending at the reviewed one.
CREATE TABLE review_trend (
    period             VARCHAR(16)     NOT NULL,
    revision           INTEGER         NOT NULL,
    scope_type         VARCHAR(8)      NOT NULL,
    scope_code         VARCHAR(64)     NOT NULL,
    trend_period       VARCHAR(16)     NOT NULL,
    position           INTEGER         NOT NULL,
    feedback_count     BIGINT          NOT NULL,
    csat_mean          DECIMAL(24, 10),
    nps                DECIMAL(24, 10),
    complaint_rate_pct DECIMAL(24, 10),
    PRIMARY KEY (period, revision, scope_type, scope_code, position)
);
