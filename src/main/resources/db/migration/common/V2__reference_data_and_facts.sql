-- Reference data, facts and import history. Plain SQL that PostgreSQL and HSQLDB both run unchanged.
-- Text columns are sized at twice the contract's limit in characters: the limit is checked in code
-- point terms on import, and HSQLDB counts UTF-16 units, so a supplementary character takes two.

CREATE TABLE region (
    region_code VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(400) NOT NULL
);

CREATE TABLE site (
    site_code   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(400) NOT NULL,
    region_code VARCHAR(64)  NOT NULL REFERENCES region (region_code),
    active      BOOLEAN      NOT NULL
);

CREATE TABLE criterion (
    criterion_code      VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                VARCHAR(400) NOT NULL,
    dimension           VARCHAR(16)  NOT NULL,
    points              INTEGER      NOT NULL,
    mandatory_from_star INTEGER      NOT NULL
);

CREATE TABLE kpi_definition (
    kpi_code    VARCHAR(64)    NOT NULL PRIMARY KEY,
    name        VARCHAR(400)   NOT NULL,
    unit        VARCHAR(64)    NOT NULL,
    direction   VARCHAR(16)    NOT NULL,
    target      DECIMAL(18, 6) NOT NULL,
    aggregation VARCHAR(8)     NOT NULL
);

-- Fact tables carry no foreign keys: the import checks every code against the reference data
-- before a row is written, and bulk loads are markedly faster without per-row key lookups.
CREATE TABLE feedback (
    feedback_id            VARCHAR(128)             NOT NULL PRIMARY KEY,
    site_code              VARCHAR(64)              NOT NULL,
    submitted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    channel                VARCHAR(16)              NOT NULL,
    csat                   INTEGER,
    nps                    INTEGER,
    reliability            INTEGER,
    responsiveness         INTEGER,
    assurance              INTEGER,
    empathy                INTEGER,
    tangibles              INTEGER,
    complaint              BOOLEAN                  NOT NULL,
    category               VARCHAR(64),
    first_contact_resolved BOOLEAN,
    resolution_hours       DECIMAL(18, 6),
    comment                VARCHAR(8000)
);
CREATE INDEX feedback_submitted_at_idx ON feedback (submitted_at);

CREATE TABLE audit_item (
    audit_id       VARCHAR(128) NOT NULL,
    criterion_code VARCHAR(64)  NOT NULL,
    site_code      VARCHAR(64)  NOT NULL,
    audited_on     DATE         NOT NULL,
    audit_type     VARCHAR(16)  NOT NULL,
    auditor        VARCHAR(400) NOT NULL,
    result         VARCHAR(4)   NOT NULL,
    PRIMARY KEY (audit_id, criterion_code)
);
CREATE INDEX audit_item_audited_on_idx ON audit_item (audited_on);

CREATE TABLE kpi_measurement (
    site_code   VARCHAR(64)    NOT NULL,
    kpi_code    VARCHAR(64)    NOT NULL,
    measured_on DATE           NOT NULL,
    measured_value DECIMAL(18, 6) NOT NULL,
    PRIMARY KEY (site_code, kpi_code, measured_on)
);
CREATE INDEX kpi_measurement_measured_on_idx ON kpi_measurement (measured_on);

-- One row per import job instance (restarts of the same import share it).
CREATE TABLE import_file (
    job_instance_id BIGINT        NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)   NOT NULL,
    file_path       VARCHAR(2000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    read_count      BIGINT,
    written_count   BIGINT,
    rejected_count  BIGINT,
    message         VARCHAR(2000)
);

CREATE TABLE rejected_row (
    job_instance_id BIGINT         NOT NULL,
    line_number     BIGINT         NOT NULL,
    kind            VARCHAR(32)    NOT NULL,
    file_name       VARCHAR(1000)  NOT NULL,
    column_name     VARCHAR(400),
    reason          VARCHAR(8000)  NOT NULL,
    raw_record      VARCHAR(70000) NOT NULL,
    rejected_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_instance_id, line_number)
);
