package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
)

// appendEvent adds a record to the assessment's audit chain: its hash
// covers its own fields and the previous record's hash, and the chain's
// head is kept on the assessment so that removing the last record shows.
func (db *DB) appendEvent(ctx context.Context, tx *sql.Tx, id int64, kind, target string, oldV, newV any) error {
	_, err := db.appendTo(ctx, tx, assessmentChain, id, kind, target, oldV, newV)
	return err
}

// appendEventAt is appendEvent with the record dated at: the time the
// caller stamped the row it changes with, which verify holds the row's
// time to (ledger.CheckStamp).
func (db *DB) appendEventAt(ctx context.Context, tx *sql.Tx, id int64, at, kind, target string, oldV, newV any) error {
	_, err := db.appendToAt(ctx, tx, assessmentChain, id, at, kind, target, oldV, newV)
	return err
}

// chain names the tables of one audit chain: the records, and the owner
// row that keeps the chain's length and head.
type chain struct {
	events, owner, fk string
}

var (
	assessmentChain = chain{events: "events", owner: "assessments", fk: "assessment_id"}
	subjectChain    = chain{events: "subject_events", owner: "subjects", fk: "subject_id"}
)

// appendTo adds a record to a chain and returns its sequence number.
func (db *DB) appendTo(ctx context.Context, tx *sql.Tx, c chain, id int64, kind, target string, oldV, newV any) (int64, error) {
	return db.appendToAt(ctx, tx, c, id, "", kind, target, oldV, newV)
}

// appendToAt is appendTo with the record dated at ("": now).
func (db *DB) appendToAt(ctx context.Context, tx *sql.Tx, c chain, id int64, at, kind, target string, oldV, newV any) (int64, error) {
	var count int64
	var head string
	if err := db.queryRow(ctx, tx, `SELECT event_count, event_head FROM `+c.owner+` WHERE id = ?`, id).Scan(&count, &head); err != nil {
		return 0, err
	}
	e, err := db.nextEvent(ctx, id, count, head, at, kind, target, oldV, newV)
	if err != nil {
		return 0, err
	}
	if err := db.insertEvent(ctx, tx, c, e); err != nil {
		return 0, err
	}
	if _, err := db.exec(ctx, tx, `UPDATE `+c.owner+` SET event_count = ?, event_head = ? WHERE id = ?`, e.Seq, e.Hash, id); err != nil {
		return 0, err
	}
	return e.Seq, nil
}

// nextEvent is the record that follows a chain of count records ending in
// head. The caller writes it with insertEvent and then stores its Seq and
// Hash as the owner's event_count and event_head, in the same transaction.
func (db *DB) nextEvent(ctx context.Context, id, count int64, head, at, kind, target string, oldV, newV any) (Event, error) {
	// Every change is recorded under its author's name, which comes from
	// a flag, the environment or a file: it is a name like any other. On
	// a team database it is the login, which only its administrator can
	// rename: the refusal says so, not which settings to change.
	field := "the reviewer name (--reviewer, $ASSAY_REVIEWER or the config file's reviewer)"
	if db.login != "" {
		field = "your database login (every change is recorded under it; the server's administrator renames it with ALTER ROLE … RENAME TO)"
	}
	actor, err := assess.CleanName(field, db.actor(ctx))
	if err != nil {
		return Event{}, err
	}
	oldJ, err := canonical(oldV)
	if err != nil {
		return Event{}, err
	}
	newJ, err := canonical(newV)
	if err != nil {
		return Event{}, err
	}
	if at == "" {
		at = db.stamp()
	}
	e := Event{AssessmentID: id, Event: export.Event{Seq: count + 1, At: at, Actor: actor, Kind: kind, Target: target, Old: oldJ, New: newJ, PrevHash: head}}
	e.Hash = e.computeHash()
	return e, nil
}

// insertEvent is the one place records reach a chain: it notes the chain
// for the transaction's ledger entry (ledger.go).
func (db *DB) insertEvent(ctx context.Context, tx *sql.Tx, c chain, e Event) error {
	auditRecordDue()
	_, err := db.exec(ctx, tx, insertEventQuery(c), eventArgs(e)...)
	if err == nil {
		db.touch(tx, owner{c, e.AssessmentID}, e.Seq)
	}
	return err
}

// auditRecordDue is called as an audit record is about to reach its
// chain, inside the transaction of the write it records, whose rows are
// by then written: a binary built for tests stops at the first one
// (stop_hooks.go), to be killed with the write half made, whichever
// write it is (a new assessment, answers, a plan edit, an archive, an
// import).
var auditRecordDue = func() {}

// eventArgs are insertEventQuery's arguments for e.
func eventArgs(e Event) []any {
	return []any{e.AssessmentID, e.Seq, e.At, e.Actor, e.Kind, e.Target, e.Old, e.New, e.PrevHash, e.Hash}
}

func insertEventQuery(c chain) string {
	return `INSERT INTO ` + c.events + ` (` + c.fk + `, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
}

// Event is one record of the audit trail: the record as an assessment
// file carries it, and where it is stored.
type Event struct {
	AssessmentID int64 `json:"-"` // or the subject's ID, in a subject's chain
	ID           int64 `json:"-"` // the row's id in its table
	export.Event
}

// computeHash is the record's hash (ledger.Record.ComputeHash).
func (e Event) computeHash() string { return e.ComputeHash() }

func canonical(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}
