-- Late or missing data (docs/review.md): why a site's figures of the reviewed period are incomplete
-- (NO_ROWS, LOW_VOLUME; null when complete), and how many of a region's or the organisation's sites are.
-- Stored with the figures, so that summary.csv, the reports and the emails read one decision.
ALTER TABLE review_figures ADD COLUMN data_incomplete VARCHAR(16);
ALTER TABLE review_figures ADD COLUMN incomplete_sites BIGINT;
