-- Warnings and compliance texts are kept as message keys with their arguments (TranslatableText),
-- which every report and email words in its reader's language. The older text columns stay for the
-- reviews stored before: their English text is shown as it is when the key is NULL. For new rows
-- they hold the key and arguments in no language, readable in SQL.
ALTER TABLE review_warning ADD COLUMN message_key VARCHAR(64);
ALTER TABLE review_warning ADD COLUMN message_arguments VARCHAR(1000);
ALTER TABLE review_compliance ADD COLUMN label_key VARCHAR(64);
ALTER TABLE review_compliance ADD COLUMN label_arguments VARCHAR(400);
ALTER TABLE review_compliance ADD COLUMN actual_key VARCHAR(64);
ALTER TABLE review_compliance ADD COLUMN actual_arguments VARCHAR(200);
ALTER TABLE review_compliance ADD COLUMN required_key VARCHAR(64);
ALTER TABLE review_compliance ADD COLUMN required_arguments VARCHAR(200);
