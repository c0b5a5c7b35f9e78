package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"sync/atomic"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// Break is the first thing verify found wrong: a record of an audit
// chain, a field of an assessment or subject, a ledger entry, the
// schema or a questionnaire snapshot.
type Break struct {
	Chain   string // "assessment", "subject", "ledger", "schema" or "questionnaire snapshot"
	OwnerID int64  // the assessment's or subject's ID; for the ledger, the entry's number
	Seq     int64  // the record's position in its chain, from 1; 0 for the owner as a whole
	EventID int64  // the record's row id, 0 if the record is missing
	Name    string // what Chain names when it has no number: a trigger, a digest
	Reason  string
	// Untrusted: a ledger entry signed by a key the verifier does not
	// trust (ledger.Break.Untrusted), not a change found; Signer is
	// that key and the name it was registered under.
	Untrusted bool
	Signer    *ledger.Signer
	// Server: on a "schema" break, the protections that changed are the
	// PostgreSQL server's (grants, roles, owners), not one file's.
	Server bool
}

// ProtectionsChanged: a trigger, grant, owner or membership changed is
// not a record changed. Verify checks these first and stops, so the
// records were not read at all: the trail was not checked, not found
// broken.
func (b *Break) ProtectionsChanged() bool { return b.Chain == "schema" }

// Error is verify's words for the break, said the same by assay verify,
// assay history, the workspace's trail and assay backup.
func (b *Break) Error() string {
	switch {
	case b.ProtectionsChanged():
		whose := "the database's"
		if b.Server {
			whose = "the server's"
		}
		return whose + " protections changed, so the audit trail was not checked: " + b.Reason
	case b.Chain == "ledger" && b.OwnerID == 0:
		return b.Chain + ": " + b.Reason
	case b.Chain == "ledger":
		return fmt.Sprintf("ledger entry %d: %s", b.OwnerID, b.Reason)
	case b.Name != "":
		return fmt.Sprintf("%s %s: %s", b.Chain, b.Name, b.Reason)
	case b.Seq == 0:
		return fmt.Sprintf("%s %d: %s", b.Chain, b.OwnerID, b.Reason)
	}
	id := ""
	if b.EventID != 0 {
		id = " (event id " + strconv.FormatInt(b.EventID, 10) + ")"
	}
	return fmt.Sprintf("%s %d, audit record %d%s: %s", b.Chain, b.OwnerID, b.Seq, id, b.Reason)
}

// VerifyResult says what Verify checked and the first break it found.
type VerifyResult struct {
	Assessments int // chains checked
	Subjects    int
	Records     int    // records checked, in intact chains and up to the break
	Broken      *Break // nil when everything checked is intact

	// The ledger: entries checked, who signed them, and the checkpoint
	// signing began with on a database written before it (nil when the
	// database was signed from its creation).
	Entries    int
	Checked    int // entries whose signatures were checked: all, or those naming the assessment
	Signers    []ledger.Signer
	Checkpoint *ledger.Entry
	// HashOnly counts the assessments and subjects whose history up to
	// that checkpoint is hash-chained only.
	HashOnly int
	// OlderScoring counts the assessments whose stored summaries an assay
	// with other scoring rules wrote: they were not scored again.
	OlderScoring int

	// Since is the verify checkpoint an incremental verify started from
	// (nil for a full verify), Changed the assessments and subjects it
	// checked in full because the ledger changed them since, and FullWhy
	// why an incremental verify ran in full instead ("" when it did not).
	Since   *ledger.Entry
	Changed int
	FullWhy string
	// Recorded is the verify checkpoint written (VerifyOptions.Checkpoint).
	Recorded *ledger.Entry
	// UnsignedGrants are the team roles held on the word of a record of
	// grants written before grants were signed (schema 011), in words
	// (verify_grants.go); none on a file.
	UnsignedGrants []string
	// Added names the tables, views and indexes the file holds that
	// assay did not make (addedObjects): named, not failed.
	Added []string
	// Unacted are the team roles held by logins that never acted in
	// this portfolio and that assay did not grant in this database, in
	// words (verify_grants.go): named, not failed, since roles are the
	// server's and shared by every team database on it.
	Unacted []string
}

// VerifyOptions says what VerifyWith checks and records.
type VerifyOptions struct {
	ID int64 // one assessment; 0 for the whole database
	// Progress, if set, is told how many assessments and subjects of how
	// many have been checked, on the goroutine that called VerifyWith.
	Progress func(done, total int)
	// Incremental checks only what changed since the caller's latest
	// verify checkpoint (verify_incremental.go); without one, or when it
	// finds something wrong, the whole database is checked.
	Incremental bool
	// Checkpoint records a verify checkpoint, signed with the handle's
	// key, when everything checked is intact.
	Checkpoint bool
}

// Verify checks assessment id, or with id 0 the whole database, and stops
// at the first break. It checks, in this order:
//
//   - with id 0, the file as its engine keeps it: SQLite's integrity
//     check (verify_storage.go), an error naming the file as damaged;
//   - the schema: the lock triggers and indexes are the ones the
//     migrations made (schema_check.go);
//   - the ledger: numbering, links, hashes, registered and trusted keys,
//     signatures (assess/ledger.Checker); with an id, the signatures of
//     the entries that name the assessment;
//   - each questionnaire snapshot against its SHA-256;
//   - each assessment: its audit chain record by record (edited, removed,
//     added records); its answers, plan edits and signatures against the
//     records that last set them; each field of its row the trail states
//     against the record that states it; its chain and row against every
//     ledger entry that signed them (assess/ledger.CheckOwner); its stored
//     summaries against scoring it again;
//   - with id 0, each subject likewise, records of owners that no longer
//     exist, and owners the ledger names that no longer exist.
func (db *DB) Verify(ctx context.Context, id int64) (VerifyResult, error) {
	return db.VerifyWith(ctx, VerifyOptions{ID: id})
}

// VerifyWith is Verify with options: progress, an incremental verify, a
// checkpoint recorded.
func (db *DB) VerifyWith(ctx context.Context, o VerifyOptions) (VerifyResult, error) {
	var res VerifyResult
	if o.ID != 0 && (o.Incremental || o.Checkpoint) {
		return res, fmt.Errorf("an incremental verify and a verify checkpoint are of the whole database: give no assessment")
	}
	trusted, err := db.trusted()
	if err != nil {
		return res, err
	}
	var note *ledger.VerifiedNote
	err = db.view(ctx, func(tx *sql.Tx) error {
		v := &verifier{db: db, tx: tx, res: &res, progress: progress{fn: o.Progress}}
		if o.Checkpoint {
			v.latest = map[string]ledger.Leaf{}
		}
		if o.Incremental {
			done, err := v.incremental(ctx, trusted)
			if err != nil || done {
				note = v.note
				return err
			}
			why := res.FullWhy
			res = VerifyResult{FullWhy: why}
			v = &verifier{db: db, tx: tx, res: &res, progress: progress{fn: o.Progress}, latest: v.latest}
			if v.latest != nil {
				clear(v.latest)
			}
		}
		b, err := v.run(ctx, o.ID, trusted)
		res.Broken = b
		if err == nil && b == nil && o.Checkpoint {
			note = v.fullNote()
		}
		return err
	})
	if b, ok := asBreak(err); ok && res.Broken == nil {
		res.Broken, err, note = b, nil, nil
	}
	if err != nil || res.Broken != nil || note == nil || !o.Checkpoint {
		return res, err
	}
	res.Recorded, err = db.recordVerified(ctx, note)
	return res, err
}

// SetVerifyDecoder sets how Verify decodes questionnaire snapshots: a
// decoder that parses the YAML it is given and trusts nothing else, such
// as a cache of compiled forms. Without it, Verify uses the handle's own.
func (db *DB) SetVerifyDecoder(d Decoder) { db.verifyDecode = d }

func (db *DB) verifyDecoder() Decoder {
	if db.verifyDecode != nil {
		return db.verifyDecode
	}
	return db.decode
}

// verifier is one run of Verify, in one read transaction.
type verifier struct {
	db       *DB
	tx       *sql.Tx
	res      *VerifyResult
	check    *ledger.Checker
	names    map[string]string                // signers' registered names by key ID
	qs       map[string]*assess.Questionnaire // snapshots decoded from their YAML, by digest
	scores   scoreCache
	progress progress
	// latest collects each owner's latest signed leaf, for a verify
	// checkpoint's digest; nil when none is recorded.
	latest map[string]ledger.Leaf
	note   *ledger.VerifiedNote // the checkpoint an incremental verify would record
	// grants is the record of grants on a team database, found intact
	// as a chain (verify_grants.go), as a checkpoint records it, and
	// grantRecords its records; nil on a file.
	grants       *ledger.GrantsSeen
	grantRecords []ledger.GrantRecord
	// rowByRow reads every batch row by row, never joined
	// (verify_framed.go); rereads counts the batches read joined that
	// had to be read again row by row. Tests compare the two reads.
	rowByRow bool
	rereads  atomic.Int64
}

func (v *verifier) run(ctx context.Context, id int64, trusted *ledger.Keyring) (*Break, error) {
	tx := v.tx
	total := 0
	if id != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM assessments WHERE id = ?`, id).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, notFound(id)
		}
		total = 1
	} else if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM assessments) + (SELECT COUNT(*) FROM subjects)`).Scan(&total); err != nil {
		return nil, err
	}
	v.progress.start(total)
	if id == 0 {
		// The whole file, as SQLite keeps it; one assessment's verify
		// (assay history's) reads that assessment only.
		if err := v.db.dialect.checkStorage(ctx, tx, v.db.where()); err != nil {
			return nil, err
		}
	}
	if b, err := v.schema(ctx); err != nil || b != nil {
		return b, err
	}
	if b, err := v.grantRecord(ctx, trusted); err != nil || b != nil {
		return b, err
	}
	if b, err := v.ledger(ctx, id, trusted); err != nil || b != nil {
		return b, err
	}
	if b, err := v.grantsSeen(ctx, 0); err != nil || b != nil {
		return b, err
	}
	if b, err := v.snapshots(ctx); err != nil || b != nil {
		return b, err
	}
	present := map[string]bool{}
	if b, err := v.each(ctx, assessmentChain, id, present); err != nil || b != nil || id != 0 {
		return b, err
	}
	if b, err := v.each(ctx, subjectChain, 0, present); err != nil || b != nil {
		return b, err
	}
	return v.deleted(present), nil
}

// checkOwner checks one assessment or subject as read: its chain; for an
// assessment its answers, plan edits and sign-offs against its trail;
// its row against its trail and against the ledger; an assessment's
// stored summaries against scoring it again.
func (v *verifier) checkOwner(c chain, o *ownerRows) ownerResult {
	o.finishState()
	r := ownerResult{uuid: o.leaf.UUID}
	if r.err = o.finishRead(); r.err != nil {
		return r
	}
	if n := len(o.signed); n > 0 {
		r.latest = &o.signed[n-1].Leaf
	}
	n, events, b := checkRecords(c, o.id, o.count, o.head, o.events)
	r.records = n
	if b != nil {
		r.brk = b
		return r
	}
	var claims map[string]ledger.Claim
	var a *assess.Assessment
	if c == assessmentChain {
		var err error
		if a, err = v.assessmentOf(o); err != nil {
			r.err = err
			return r
		}
		trail, err := ledger.ReplayAssessment(records(events))
		if err != nil {
			r.brk = &Break{Chain: "assessment", OwnerID: o.id, Reason: err.Error()}
			return r
		}
		if r.brk = verifyState(a, o.a, events, trail); r.brk != nil {
			return r
		}
		if r.brk = verifyTimes(o.id, o.a.row.created, o.a.row.updated, trail, events); r.brk != nil {
			return r
		}
		claims = trail.Claims
	} else {
		var err error
		if claims, err = ledger.ReplaySubject(records(events)); err != nil {
			r.brk = &Break{Chain: "subject", OwnerID: o.id, Reason: err.Error()}
			return r
		}
		if r.brk = verifySubjectTimes(o.id, o.subjectCreated, o.subjectUpdated, events); r.brk != nil {
			return r
		}
	}
	if o.stateErr != nil {
		r.err = o.stateErr
		return r
	}
	if r.brk, r.err = verifyClaims(owner{c, o.id}, events, claims, o.state); r.brk != nil || r.err != nil {
		return r
	}
	if r.brk = v.owner(owner{c, o.id}, o, events); r.brk != nil || a == nil {
		return r
	}
	r.older, r.brk = v.checkCaches(a, o)
	return r
}

// ownerResult is what checking one owner found.
type ownerResult struct {
	records int
	uuid    string
	latest  *ledger.Leaf // its latest signed leaf
	older   bool         // its summaries were stored under other scoring rules
	brk     *Break
	err     error
}

func chainName(c chain) string {
	if c == subjectChain {
		return "subject"
	}
	return "assessment"
}

// checkRecords checks one chain record by record and returns how many
// records it read, the records of an intact chain, and the first broken
// record. A record is broken when its hash does not match its content
// (it was edited), when its link to the previous record does not match
// (a record before it was edited or removed), or when it is missing (its
// sequence number is skipped, or the chain is shorter than its head on
// the owner says). events are the owner's records, ordered by sequence
// number and row id; count and head are the chain's length and head as
// the owner keeps them.
func checkRecords(c chain, owner, count int64, head string, events []Event) (int, []Event, *Break) {
	brk := func(seq, eventID int64, format string, args ...any) *Break {
		return &Break{Chain: chainName(c), OwnerID: owner, Seq: seq, EventID: eventID, Reason: fmt.Sprintf(format, args...)}
	}
	prev := ""
	for i, e := range events {
		want := int64(i + 1)
		switch {
		case e.Seq > want:
			return i, nil, brk(want, 0, "the record is missing (deleted): record %d follows record %d", e.Seq, want-1)
		case e.Seq < want:
			return i, nil, brk(e.Seq, e.ID, "the record appears twice")
		}
		if e.computeHash() != e.Hash {
			return i, nil, brk(e.Seq, e.ID, "the record was altered: its hash does not match its content (%s %s by %s at %s)", e.Kind, e.Target, e.Actor, e.At)
		}
		if e.PrevHash != prev {
			return i, nil, brk(e.Seq, e.ID, "the record does not follow record %d: its link does not match that record's hash (one of them was altered or replaced)", e.Seq-1)
		}
		prev = e.Hash
	}
	n := int64(len(events))
	switch {
	case n < count:
		return len(events), nil, brk(n+1, 0, "the record is missing (deleted): the trail ends at record %d but %d were written", n, count)
	case n > count:
		return len(events), nil, brk(count+1, events[count].ID, "the record was added outside assay: the trail should end at record %d", count)
	case prev != head:
		return len(events), nil, brk(n, events[n-1].ID, "the last record does not match the head of the trail kept on the %s (it was altered or replaced)", chainName(c))
	}
	return len(events), events, nil
}

func idsOf(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Events returns the audit trail of an assessment, oldest first.
func (db *DB) Events(ctx context.Context, id int64) ([]Event, error) {
	var out []Event
	err := db.view(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash
			FROM events WHERE assessment_id = ? ORDER BY seq`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e := Event{AssessmentID: id}
			if err := rows.Scan(&e.ID, &e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash, &e.Hash); err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}

// schema checks the schema as the migrations made it (dialect
// checkSchema) and notes what was added that cannot change what assay
// writes (VerifyResult.Added).
func (v *verifier) schema(ctx context.Context) (*Break, error) {
	if b, err := v.db.dialect.checkSchema(ctx, v.tx); err != nil || b != nil {
		return b, err
	}
	added, err := v.db.dialect.addedObjects(ctx, v.tx)
	v.res.Added = added
	return nil, err
}
