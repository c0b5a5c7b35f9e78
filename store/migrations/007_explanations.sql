-- An explanation of answers that disagree (a consistency check that
-- holds) is an explain audit record, in the assessment's hash chain, so
-- that assay verify holds it to what was written. Every load of an
-- assessment reads them (store/explain.go), to give each disagreement the
-- explanation that still stands and to refuse a submission while one has
-- none; without this index that read walks all of an assessment's audit
-- records to find a few.
CREATE INDEX events_explain ON events (assessment_id, seq) WHERE kind = 'explain';
