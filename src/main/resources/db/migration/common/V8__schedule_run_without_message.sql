-- A scheduled run that cannot start now gives its claim back and is retried, so no row records a
-- launch failure any more: the message column is always empty.
ALTER TABLE schedule_run DROP COLUMN message;
