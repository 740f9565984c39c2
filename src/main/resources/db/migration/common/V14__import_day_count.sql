-- Per import, how many of its rows of each day it wrote and rejected, so that a review can count
-- the rows of its period whenever they were imported (the data-quality appendix). Bounded by the
-- days a file covers, not by its rows. row_date is the row's local date in quality.zone at import;
-- NULL holds the rows without a usable date: rejects whose date could not be read, and every row
-- of the undated reference data. Rows read = written + rejected, per day as per import.
-- Kept in the import's chunk transactions, so a restarted import continues the counts it committed.
CREATE TABLE import_day_count (
    job_instance_id BIGINT NOT NULL,
    row_date        DATE,
    written_count   BIGINT NOT NULL,
    rejected_count  BIGINT NOT NULL
);
CREATE INDEX import_day_count_import_idx ON import_day_count (job_instance_id, row_date);
CREATE INDEX import_day_count_row_date_idx ON import_day_count (row_date);
