-- Which scope and language each report file of a review revision is, written by the rendering
-- step (a re-run of a revision replaces its rows). Delivery attaches a stakeholder's report by
-- looking up their scope here, never by rebuilding a file name.
CREATE TABLE report_file (
    period      VARCHAR(16)              NOT NULL,
    revision    INTEGER                  NOT NULL,
    file_name   VARCHAR(200)             NOT NULL,
    scope_type  VARCHAR(8)               NOT NULL,
    scope_code  VARCHAR(64)              NOT NULL,
    locale      VARCHAR(16)              NOT NULL,
    bytes       BIGINT                   NOT NULL,
    rendered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (period, revision, file_name),
    CONSTRAINT report_file_scope UNIQUE (period, revision, scope_type, scope_code, locale)
);
