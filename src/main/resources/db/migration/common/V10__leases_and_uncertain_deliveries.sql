-- Proof that work is alive: a job execution ("execution:<id>") or a run of deliveries
-- ("deliveries:<uuid>") is leased to the process doing it, which renews the row every
-- quality.jobs.heartbeat-interval with the database's clock for as long as the work runs, so no
-- two machines' clocks are ever compared. Silence proves nothing: tasklet steps write nothing to
-- the job repository while they work.
CREATE TABLE work_lease (
    lease_id    VARCHAR(80)              NOT NULL PRIMARY KEY,
    host        VARCHAR(255)             NOT NULL,
    pid         BIGINT                   NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The execution that holds a review's claim, so that only it may finish or hand it on.
ALTER TABLE review_run ADD COLUMN job_execution_id BIGINT;

-- The lease of the run sending a delivery (while SENDING), and whether the next send is a copy on
-- request (a new Message-ID) rather than the delivery itself (the same Message-ID on every attempt).
ALTER TABLE delivery ADD COLUMN sender_id VARCHAR(80);
ALTER TABLE delivery ADD COLUMN send_as_copy BOOLEAN DEFAULT FALSE NOT NULL;
