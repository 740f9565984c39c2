-- The fair ranking of a review's sites by CSAT (docs/review.md, Fair ranking): each site's raw mean,
-- its empirical-Bayes weight and adjusted mean, and its ranks. k (one per review) is repeated on
-- each ranked site's row; it is NULL when it could not be estimated or the sites show no spread. A
-- site without any CSAT answer has only its count (0): NULL values and ranks. Full precision.
CREATE TABLE review_site_rank (
    period           VARCHAR(16)     NOT NULL,
    revision         INTEGER         NOT NULL,
    site_code        VARCHAR(64)     NOT NULL,
    region_code      VARCHAR(64),
    csat_count       BIGINT          NOT NULL,
    csat_mean        DECIMAL(24, 10),
    weight           DECIMAL(24, 10),
    shrunk_csat_mean DECIMAL(24, 10),
    fair_rank        INTEGER,
    region_rank      INTEGER,
    raw_rank         INTEGER,
    k                DECIMAL(24, 10),
    PRIMARY KEY (period, revision, site_code)
);
