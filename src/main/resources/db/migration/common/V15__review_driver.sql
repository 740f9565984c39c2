-- Key drivers of satisfaction (docs/review.md, Key drivers): per scope and SERVQUAL dimension, the
-- rows with both its score and CSAT, their correlation r with its 95 % interval, the dimension's mean,
-- its importance-performance quadrant and its importance rank. r, the bounds and the quadrant are
-- null below the minimum of rows (or without variance); sites below the minimum have no rows.
CREATE TABLE review_driver (
    period          VARCHAR(16)     NOT NULL,
    revision        INTEGER         NOT NULL,
    scope_type      VARCHAR(8)      NOT NULL,
    scope_code      VARCHAR(64)     NOT NULL,
    dimension       VARCHAR(16)     NOT NULL,
    pair_count      BIGINT          NOT NULL,
    r               DECIMAL(24, 10),
    r_low           DECIMAL(24, 10),
    r_high          DECIMAL(24, 10),
    mean_score      DECIMAL(24, 10),
    quadrant        VARCHAR(24),
    importance_rank INTEGER         NOT NULL,
    PRIMARY KEY (period, revision, scope_type, scope_code, dimension)
);
