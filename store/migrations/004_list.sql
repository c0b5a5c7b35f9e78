-- Lists (the home screen, assay list) read a few columns of every
-- assessment. Read from the rows, each with a summary of about 1.5 KB
-- (mostly plan items, each with its keys), that was most of the home
-- screen's first frame on a portfolio of 10,000 assessments.
--
-- list holds what lists need of the summary in a compact form (see
-- store/list.go; the store writes it with the summary), and the index
-- assessments_list holds every column a list reads, in the list's order:
-- a list is read from the index alone. It replaces assessments_recent.
ALTER TABLE assessments ADD COLUMN list TEXT NOT NULL DEFAULT '';

-- The same as store/list.go writes, from the stored summary. A summary
-- that is not JSON is left to the store, which reads such rows' summary
-- and reports the error as before.
UPDATE assessments SET list = json_array(
    json_extract(summary, '$.answered'), json_extract(summary, '$.total'),
    json_extract(summary, '$.complete'), json_extract(summary, '$.findings'),
    json_extract(summary, '$.level_rank'), json_extract(summary, '$.level_of'),
    coalesce(json_extract(summary, '$.level'), ''), coalesce(json_extract(summary, '$.level_title'), ''),
    coalesce(json_extract(summary, '$.scoring_version'), ''),
    json((SELECT json_group_array(json_array(status, due, accepted_until, n)) FROM (
        SELECT json_extract(i.value, '$.status') AS status, coalesce(json_extract(i.value, '$.due'), '') AS due,
               coalesce(json_extract(i.value, '$.accepted_until'), '') AS accepted_until, count(*) AS n
        FROM json_each(summary, '$.items') AS i
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3))))
WHERE json_valid(summary);

DROP INDEX assessments_recent;
CREATE INDEX assessments_list ON assessments (updated_at, id, archived, uuid, subject, subject_kind, subject_id,
    reviewer, snapshot_digest, assessed_on, status, revision, revision_of, list);
