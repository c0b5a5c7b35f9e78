-- Where an imported assessment came from (the export file's SHA-256, who
-- exported it and when, who imported it and when) is its import audit
-- record, in its hash chain, so that assay verify holds it to what was
-- recorded. Every load of an assessment reads it (store/imported.go);
-- without this index that read walks all of an assessment's audit
-- records, thousands on one edited for years, to find none.
CREATE INDEX events_import ON events (assessment_id, seq) WHERE kind = 'import';
