-- Tamper evidence that holds against anyone who can write this file
-- (issue 14; docs/security.md). Subjects get a UUID, as assessments have,
-- so that the ledger names every owner the same way in every database.
ALTER TABLE subjects ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
UPDATE subjects SET uuid = u.v FROM (
    SELECT id AS sid, lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' ||
        substr('89ab', 1 + (unicode(substr(h, 17, 1)) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)) AS v
    FROM (SELECT id, hex(randomblob(16)) AS h FROM subjects)) AS u
WHERE subjects.id = u.sid;
CREATE UNIQUE INDEX subjects_uuid ON subjects (uuid);

-- The ledger: one entry per write transaction, hash-linked to the entry
-- before it and signed with the writer's Ed25519 key (which never enters
-- the database). An entry commits to the head of every audit chain the
-- transaction touched and to its owner's state (ledger_leaves); the
-- states are kept once each, by hash (ledger_states). The first entry
-- (genesis) names the database and registers its first key; a key entry
-- registers another; a checkpoint commits to every chain of a database
-- that was written before signing began. assess/ledger holds the rules.
CREATE TABLE ledger (
    seq       INTEGER PRIMARY KEY,      -- 1, 2, 3…
    at        TEXT NOT NULL,            -- UTC RFC 3339
    kind      TEXT NOT NULL,            -- genesis, key, checkpoint, write
    key_id    TEXT NOT NULL,            -- the signer's key fingerprint
    note      TEXT NOT NULL,            -- JSON: what a genesis, key or checkpoint says
    leaves    TEXT NOT NULL,            -- the hashes of its leaves, in order, space-separated
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE INDEX ledger_keys ON ledger (key_id) WHERE kind IN ('genesis', 'key');

-- Keyed by owner: verify reads an owner's leaves together, and a save
-- writes one page here, beside the last leaf of the same assessment. A
-- full verify reads them in ledger order, sorting them, and checks them
-- against the hashes their entry lists.
CREATE TABLE ledger_leaves (
    uuid     TEXT NOT NULL,             -- the owner
    seq      INTEGER NOT NULL,          -- the entry
    idx      INTEGER NOT NULL,          -- the leaf's place in it
    scope    TEXT NOT NULL,             -- assessment or subject
    owner_id INTEGER NOT NULL,          -- the row id, to name an owner once it is gone
    records  INTEGER NOT NULL,          -- the chain's length
    head     TEXT NOT NULL,             -- and its last record's hash
    state    TEXT NOT NULL,             -- the hash of the owner's state
    PRIMARY KEY (uuid, seq, idx)
) WITHOUT ROWID;

CREATE TABLE ledger_states (
    hash  TEXT PRIMARY KEY,
    state TEXT NOT NULL                 -- canonical JSON
) WITHOUT ROWID;

-- Nothing in the ledger is ever changed or removed. (A script can drop
-- these triggers; assay verify checks they are as written here.)
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is never changed'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is never changed'); END;
CREATE TRIGGER ledger_leaves_no_update BEFORE UPDATE ON ledger_leaves
BEGIN SELECT RAISE(ABORT, 'the ledger is never changed'); END;
CREATE TRIGGER ledger_leaves_no_delete BEFORE DELETE ON ledger_leaves
BEGIN SELECT RAISE(ABORT, 'the ledger is never changed'); END;
CREATE TRIGGER ledger_states_no_update BEFORE UPDATE ON ledger_states
BEGIN SELECT RAISE(ABORT, 'the ledger is never changed'); END;
CREATE TRIGGER ledger_states_no_delete BEFORE DELETE ON ledger_states
BEGIN SELECT RAISE(ABORT, 'the ledger is never changed'); END;
