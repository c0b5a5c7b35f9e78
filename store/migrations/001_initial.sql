-- The questionnaire an assessment started with, byte for byte. Keyed by
-- its SHA-256 so identical files are stored once.
CREATE TABLE questionnaire_snapshots (
    digest           TEXT PRIMARY KEY,
    questionnaire_id TEXT NOT NULL,
    version          TEXT NOT NULL,
    source_name      TEXT NOT NULL,
    source           BLOB NOT NULL,
    stored_at        TEXT NOT NULL
);

CREATE TABLE assessments (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    subject         TEXT NOT NULL,
    subject_kind    TEXT NOT NULL DEFAULT '',
    reviewer        TEXT NOT NULL DEFAULT '',
    snapshot_digest TEXT NOT NULL REFERENCES questionnaire_snapshots (digest),
    assessed_on     TEXT NOT NULL,            -- YYYY-MM-DD
    deadlines       TEXT NOT NULL,            -- JSON: days per severity, pinned at creation
    status          TEXT NOT NULL DEFAULT 'draft',
    archived        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,            -- UTC RFC 3339
    updated_at      TEXT NOT NULL,
    summary         TEXT NOT NULL DEFAULT '{}', -- JSON assess.Summary, refreshed on every change
    event_count     INTEGER NOT NULL DEFAULT 0, -- head of the audit chain, so a deleted
    event_head      TEXT NOT NULL DEFAULT ''    -- last record is detected too
);

CREATE TABLE answers (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    value         TEXT NOT NULL,              -- JSON assess.Value
    note          TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '[]', -- JSON list
    source        TEXT NOT NULL DEFAULT 'analyst',
    reviewed      INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, question_id)
);

CREATE TABLE plan_edits (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    finding_key   TEXT NOT NULL,
    edit          TEXT NOT NULL,              -- JSON assess.PlanEdit
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, finding_key)
);

-- The audit trail: every change with who, when, old and new value. Each
-- record's hash covers the previous one's, per assessment.
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    seq           INTEGER NOT NULL,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    target        TEXT NOT NULL,
    old_value     TEXT NOT NULL,
    new_value     TEXT NOT NULL,
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL,
    UNIQUE (assessment_id, seq)
);
