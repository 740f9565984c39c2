-- A scheduled run claimed by one instance: the key lets exactly one of several instances sharing
-- this database run a given schedule at a given due time.
CREATE TABLE schedule_run (
    name             VARCHAR(64)              NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by       VARCHAR(200)             NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    job_execution_id BIGINT,
    message          VARCHAR(2000),
    PRIMARY KEY (name, due_at)
);
