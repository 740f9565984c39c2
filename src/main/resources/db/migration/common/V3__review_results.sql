-- Results of quality reviews, one set per (period, revision); earlier revisions stay readable.

-- The review reads a period's rows site by site.
CREATE INDEX feedback_site_submitted_idx ON feedback (site_code, submitted_at);
CREATE INDEX audit_item_site_audited_idx ON audit_item (site_code, audited_on);

CREATE TABLE review_run (
    period          VARCHAR(16)              NOT NULL,
    revision        INTEGER                  NOT NULL,
    zone            VARCHAR(64)              NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    job_instance_id BIGINT                   NOT NULL,
    reports_dir     VARCHAR(2000),
    PRIMARY KEY (period, revision)
);

-- Figures of one scope: SITE, REGION or ORG; period_role CURRENT (the reviewed period) or
-- PREVIOUS (the period before, for changes). Decimals are full precision; rounding is for display.
CREATE TABLE review_figures (
    period                  VARCHAR(16)    NOT NULL,
    revision                INTEGER        NOT NULL,
    scope_type              VARCHAR(8)     NOT NULL,
    scope_code              VARCHAR(64)    NOT NULL,
    period_role             VARCHAR(8)     NOT NULL,
    scope_name              VARCHAR(400)   NOT NULL,
    region_code             VARCHAR(64),
    feedback_count          BIGINT         NOT NULL,
    csat_mean               DECIMAL(24, 10),
    csat_satisfied_pct      DECIMAL(24, 10),
    csat_1                  BIGINT         NOT NULL,
    csat_2                  BIGINT         NOT NULL,
    csat_3                  BIGINT         NOT NULL,
    csat_4                  BIGINT         NOT NULL,
    csat_5                  BIGINT         NOT NULL,
    nps                     DECIMAL(24, 10),
    reliability_mean        DECIMAL(24, 10),
    responsiveness_mean     DECIMAL(24, 10),
    assurance_mean          DECIMAL(24, 10),
    empathy_mean            DECIMAL(24, 10),
    tangibles_mean          DECIMAL(24, 10),
    complaint_count         BIGINT         NOT NULL,
    complaint_rate_pct      DECIMAL(24, 10),
    fcr_pct                 DECIMAL(24, 10),
    resolution_hours_mean   DECIMAL(24, 10),
    resolution_hours_median DECIMAL(24, 10),
    audit_count             BIGINT         NOT NULL,
    audit_score_pct         DECIMAL(24, 10),
    kpi_met_pct             DECIMAL(24, 10),
    quality_index           DECIMAL(24, 10),
    rating                  VARCHAR(8),
    rating_change           VARCHAR(8),
    sites_rated_3_plus_pct  DECIMAL(24, 10),
    PRIMARY KEY (period, revision, scope_type, scope_code, period_role)
);

CREATE TABLE review_rating_count (
    period     VARCHAR(16) NOT NULL,
    revision   INTEGER     NOT NULL,
    scope_type VARCHAR(8)  NOT NULL,
    scope_code VARCHAR(64) NOT NULL,
    rating     VARCHAR(8)  NOT NULL,
    site_count BIGINT      NOT NULL,
    PRIMARY KEY (period, revision, scope_type, scope_code, rating)
);

CREATE TABLE review_pareto (
    period         VARCHAR(16)     NOT NULL,
    revision       INTEGER         NOT NULL,
    scope_type     VARCHAR(8)      NOT NULL,
    scope_code     VARCHAR(64)     NOT NULL,
    position       INTEGER         NOT NULL,
    category       VARCHAR(64)     NOT NULL,
    complaint_count BIGINT         NOT NULL,
    pct            DECIMAL(24, 10) NOT NULL,
    cumulative_pct DECIMAL(24, 10) NOT NULL,
    vital_few      BOOLEAN         NOT NULL,
    PRIMARY KEY (period, revision, scope_type, scope_code, position)
);

CREATE TABLE review_kpi (
    period     VARCHAR(16)     NOT NULL,
    revision   INTEGER         NOT NULL,
    scope_type VARCHAR(8)      NOT NULL,
    scope_code VARCHAR(64)     NOT NULL,
    kpi_code   VARCHAR(64)     NOT NULL,
    kpi_value  DECIMAL(24, 10),
    target     DECIMAL(18, 6)  NOT NULL,
    met        BOOLEAN,
    PRIMARY KEY (period, revision, scope_type, scope_code, kpi_code)
);

CREATE TABLE review_mandatory (
    period         VARCHAR(16) NOT NULL,
    revision       INTEGER     NOT NULL,
    site_code      VARCHAR(64) NOT NULL,
    criterion_code VARCHAR(64) NOT NULL,
    mandatory_from_star INTEGER NOT NULL,
    status         VARCHAR(16) NOT NULL,
    PRIMARY KEY (period, revision, site_code, criterion_code)
);

-- "What it takes to gain the next star": each requirement of the current and the next level.
CREATE TABLE review_compliance (
    period      VARCHAR(16)     NOT NULL,
    revision    INTEGER         NOT NULL,
    site_code   VARCHAR(64)     NOT NULL,
    level_role  VARCHAR(8)      NOT NULL,
    star_level  INTEGER         NOT NULL,
    position    INTEGER         NOT NULL,
    requirement VARCHAR(128)    NOT NULL,
    label       VARCHAR(400)    NOT NULL,
    actual      DECIMAL(24, 10),
    required    DECIMAL(24, 10),
    actual_text   VARCHAR(200)  NOT NULL,
    required_text VARCHAR(200)  NOT NULL,
    met         BOOLEAN         NOT NULL,
    PRIMARY KEY (period, revision, site_code, level_role, position)
);

CREATE TABLE review_warning (
    period    VARCHAR(16)   NOT NULL,
    revision  INTEGER       NOT NULL,
    site_code VARCHAR(64)   NOT NULL,
    position  INTEGER       NOT NULL,
    warning_type VARCHAR(32) NOT NULL,
    severity  VARCHAR(16)   NOT NULL,
    subject   VARCHAR(128),
    message   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (period, revision, site_code, position)
);
