-- Governance: subjects as records, revisions, sign-offs, and locks that
-- keep an approved assessment unchanged whatever code path writes.

CREATE TABLE subjects (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT '',     -- vendor, system, dataset
    owner       TEXT NOT NULL DEFAULT '',
    contacts    TEXT NOT NULL DEFAULT '[]',   -- JSON list
    tier        TEXT NOT NULL DEFAULT '',     -- set by hand; a third-party assessment's tier wins
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    event_count INTEGER NOT NULL DEFAULT 0,   -- head of the subject's own audit chain
    event_head  TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX subjects_name ON subjects (name COLLATE NOCASE);

-- The audit trail of subject records, chained like events.
CREATE TABLE subject_events (
    id         INTEGER PRIMARY KEY,
    subject_id INTEGER NOT NULL REFERENCES subjects (id),
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    target     TEXT NOT NULL,
    old_value  TEXT NOT NULL,
    new_value  TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL,
    UNIQUE (subject_id, seq)
);

-- Existing assessments: one subject per distinct name (ignoring case).
INSERT INTO subjects (name, kind, created_at, updated_at)
SELECT MIN(subject),
       CASE WHEN lower(MAX(subject_kind)) IN ('vendor', 'system', 'dataset') THEN lower(MAX(subject_kind)) ELSE '' END,
       MIN(created_at), MAX(updated_at)
FROM assessments GROUP BY subject COLLATE NOCASE ORDER BY MIN(id);

ALTER TABLE assessments ADD COLUMN subject_id INTEGER REFERENCES subjects (id);
ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assessments ADD COLUMN revision_of INTEGER REFERENCES assessments (id);
UPDATE assessments SET subject_id = (SELECT s.id FROM subjects s WHERE s.name = assessments.subject COLLATE NOCASE);
CREATE INDEX assessments_subject ON assessments (subject_id);
-- An approved assessment has at most one revision: revisions form a line.
CREATE UNIQUE INDEX assessments_revision_of ON assessments (revision_of) WHERE revision_of IS NOT NULL;

-- Signatures: submission, approval or rejection, DPO opinion. Never
-- updated or deleted.
CREATE TABLE signoffs (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    role          TEXT NOT NULL,
    name          TEXT NOT NULL,
    signed_on     TEXT NOT NULL,             -- YYYY-MM-DD
    decision      TEXT NOT NULL,
    comment       TEXT NOT NULL DEFAULT '',
    audit_seq     INTEGER NOT NULL,          -- the audit record the signed state ends at
    at            TEXT NOT NULL
);
CREATE INDEX signoffs_assessment ON signoffs (assessment_id);

-- Locks. The store refuses these changes with a clear message first; the
-- triggers make sure no other path (an import, a script) gets round it.
CREATE TRIGGER answers_locked_insert BEFORE INSERT ON answers
WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END;
CREATE TRIGGER answers_locked_update BEFORE UPDATE ON answers
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END;
CREATE TRIGGER answers_locked_delete BEFORE DELETE ON answers
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END;

CREATE TRIGGER plan_edits_locked_insert BEFORE INSERT ON plan_edits
WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END;
CREATE TRIGGER plan_edits_locked_update BEFORE UPDATE ON plan_edits
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END;
CREATE TRIGGER plan_edits_locked_delete BEFORE DELETE ON plan_edits
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END;

CREATE TRIGGER signoffs_locked_insert BEFORE INSERT ON signoffs
WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END;
CREATE TRIGGER signoffs_no_update BEFORE UPDATE ON signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs are never changed'); END;
CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs are never deleted'); END;

-- What an approved assessment is: everything but its archive flag, its
-- stored summary and the head of its audit chain.
CREATE TRIGGER assessments_locked BEFORE UPDATE ON assessments
WHEN OLD.status = 'approved' AND (
    NEW.status IS NOT OLD.status OR NEW.uuid IS NOT OLD.uuid OR NEW.subject IS NOT OLD.subject OR
    NEW.subject_kind IS NOT OLD.subject_kind OR NEW.subject_id IS NOT OLD.subject_id OR
    NEW.reviewer IS NOT OLD.reviewer OR NEW.snapshot_digest IS NOT OLD.snapshot_digest OR
    NEW.assessed_on IS NOT OLD.assessed_on OR NEW.deadlines IS NOT OLD.deadlines OR
    NEW.revision IS NOT OLD.revision OR NEW.revision_of IS NOT OLD.revision_of)
BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END;
CREATE TRIGGER assessments_locked_delete BEFORE DELETE ON assessments
WHEN OLD.status = 'approved'
BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END;
