package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// verifyWith verifies as Ana. On a team database Ana signs with her own
// key (useTestKeys), so her verify trusts it as her own, as her assay
// would: the checkpoints she records are the ones she starts from.
func verifyWith(t *testing.T, db *DB, o VerifyOptions) VerifyResult {
	t.Helper()
	if _, team := db.dialect.(*pgDialect); team {
		db.SetTrust(trustTestKeysAs("Ana"))
	}
	res, err := db.VerifyWith(as("Ana"), o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// tamper runs stmts on one connection, as the database's administrator
// would. The statements are SQLite's: on a team database each
// DROP TRIGGER turns the triggers off for the session instead, and each
// CREATE TRIGGER turns them back on, as a superuser may.
func tamper(t *testing.T, db *DB, stmts ...string) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, team := db.dialect.(*pgDialect)
	for _, s := range stmts {
		switch {
		case team && strings.HasPrefix(s, "DROP TRIGGER"):
			s = `SET session_replication_role = replica`
		case team && strings.HasPrefix(s, "CREATE TRIGGER"):
			s = `SET session_replication_role = origin`
		}
		if _, err := conn.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// A full verify records a checkpoint; an incremental verify then starts
// from it, checks in full only what changed since, and records the next.
func TestVerifyIncremental(t *testing.T) { contract(t, contractVerifyIncremental) }

func contractVerifyIncremental(t *testing.T) {
	db := trail(t)
	res := verifyWith(t, db, VerifyOptions{Incremental: true})
	if res.Broken != nil || res.Since != nil || !strings.Contains(res.FullWhy, "no verify checkpoint") {
		t.Fatalf("without a checkpoint: since %v, why %q, broken %v", res.Since, res.FullWhy, res.Broken)
	}
	full := verifyWith(t, db, VerifyOptions{Checkpoint: true})
	if full.Broken != nil || full.Recorded == nil || full.Recorded.Kind != ledger.KindVerified {
		t.Fatalf("full verify with a checkpoint: %+v", full)
	}
	note, err := full.Recorded.VerifiedOf()
	// 2 assessments and 2 subjects; the checkpoint names the entry before it.
	if err != nil || !note.Full || note.Count != 4 || note.Through != full.Recorded.Seq-1 || note.Assessments != 2 || note.Subjects != 2 {
		t.Fatalf("checkpoint note %+v (%v)", note, err)
	}

	// Nothing changed: nothing is checked in full, and all is intact.
	res = verifyWith(t, db, VerifyOptions{Incremental: true})
	if res.Broken != nil || res.FullWhy != "" || res.Since == nil || res.Since.Seq != full.Recorded.Seq || res.Changed != 0 ||
		res.Assessments != 2 || res.Subjects != 2 || res.Records != 0 {
		t.Fatalf("incremental, nothing changed: %+v", res)
	}
	// One answer saved: its assessment (5 records, now 6) is checked in full.
	if err := db.SaveAnswer(as("Ana"), 1, choice("encryption", "yes")); err != nil {
		t.Fatal(err)
	}
	res = verifyWith(t, db, VerifyOptions{Incremental: true, Checkpoint: true})
	if res.Broken != nil || res.FullWhy != "" || res.Changed != 1 || res.Records != 6 || res.Recorded == nil {
		t.Fatalf("incremental after a save: %+v", res)
	}
	next, _ := res.Recorded.VerifiedOf()
	if next.Full || next.Since != full.Recorded.Seq || next.Count != 4 {
		t.Fatalf("incremental checkpoint note %+v", next)
	}
	// The full verify agrees the incremental's checkpoint is sound.
	if res := verifyWith(t, db, VerifyOptions{}); res.Broken != nil {
		t.Fatalf("full verify: %v", res.Broken)
	}
}

// What an incremental verify catches after a checkpoint, and how: each
// of these runs the full verify, which names the break as always.
func TestVerifyIncrementalCatches(t *testing.T) { contract(t, contractVerifyIncrementalCatches) }

func contractVerifyIncrementalCatches(t *testing.T) {
	tests := []struct {
		name   string
		stmts  []string
		reason string // in the full verify's break
	}{
		{"a field of an untouched assessment's row", []string{`UPDATE assessments SET status = 'approved' WHERE id = 2`}, "field status"},
		{"an untouched chain resealed with a new head", []string{`UPDATE assessments SET event_head = 'x' || event_head WHERE id = 2`}, "does not match the head"},
		{"a signed head edited to match an edited row", []string{
			`UPDATE assessments SET reviewer = 'Mallory' WHERE id = 2`,
			`DROP TRIGGER ledger_leaves_no_update`,
			`UPDATE ledger_leaves SET state = '{{state of 2}}' WHERE uuid = (SELECT uuid FROM assessments WHERE id = 2)`,
			"CREATE TRIGGER ledger_leaves_no_update BEFORE UPDATE ON ledger_leaves\nBEGIN SELECT RAISE(ABORT, 'the ledger is never changed'); END",
		}, "the entry was altered"},
		{"an untouched assessment deleted", []string{`DELETE FROM answers WHERE assessment_id = 2`, `DELETE FROM events WHERE assessment_id = 2`,
			`DELETE FROM assessments WHERE id = 2`}, "no longer in the database"},
		{"an assessment added outside assay", []string{`INSERT INTO assessments (uuid, subject, snapshot_digest, assessed_on, deadlines, created_at, updated_at)
			SELECT 'f0000000-0000-4000-8000-000000000000', subject, snapshot_digest, assessed_on, deadlines, created_at, updated_at FROM assessments WHERE id = 2`}, ""},
		{"the entry the checkpoint names rewritten", []string{`DROP TRIGGER ledger_no_update`,
			`UPDATE ledger SET hash = 'x' || hash WHERE seq = (SELECT MAX(seq) - 1 FROM ledger)`,
			"CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger\nBEGIN SELECT RAISE(ABORT, 'the ledger is never changed'); END",
		}, "ledger entry"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := trail(t)
			if res := verifyWith(t, db, VerifyOptions{Checkpoint: true}); res.Recorded == nil {
				t.Fatal("no checkpoint recorded")
			}
			var stmts []string
			for _, s := range tc.stmts {
				if strings.Contains(s, "{{state of 2}}") {
					tamper(t, db, tc.stmts[0]) // the edited row's state, signed
					var l ledger.Leaf
					err := db.view(as("x"), func(tx *sql.Tx) (err error) {
						l, _, err = db.leafOf(as("x"), tx, owner{assessmentChain, 2})
						return err
					})
					if err != nil {
						t.Fatal(err)
					}
					s = strings.ReplaceAll(s, "{{state of 2}}", l.State)
				}
				stmts = append(stmts, s)
			}
			tamper(t, db, stmts...)
			res := verifyWith(t, db, VerifyOptions{Incremental: true})
			if res.FullWhy == "" || res.Broken == nil || !strings.Contains(res.Broken.Error(), tc.reason) {
				t.Fatalf("got why %q, break %v; want a full verify naming %q", res.FullWhy, res.Broken, tc.reason)
			}
		})
	}
}

// What an incremental verify does not read again: an answer of an
// assessment nothing changed since the checkpoint, edited in the table
// alone. The full verify finds it; docs/security.md says so.
func TestVerifyIncrementalDoesNotReread(t *testing.T) {
	contract(t, contractVerifyIncrementalDoesNotReread)
}

func contractVerifyIncrementalDoesNotReread(t *testing.T) {
	db := trail(t)
	verifyWith(t, db, VerifyOptions{Checkpoint: true})
	tamper(t, db, `UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 1 AND question_id = 'mfa'`)
	if res := verifyWith(t, db, VerifyOptions{Incremental: true}); res.Broken != nil || res.FullWhy != "" {
		t.Fatalf("incremental: %v %q", res.Broken, res.FullWhy)
	}
	if res := verifyWith(t, db, VerifyOptions{}); res.Broken == nil || !strings.Contains(res.Broken.Reason, "answer mfa is not what this record says") {
		t.Fatalf("full: %v", res.Broken)
	}
	// Once the assessment changes in assay, the incremental verify checks
	// it in full and finds the edit.
	if err := db.SaveAnswer(as("Ana"), 1, assess.Answer{QuestionID: "encryption", Value: assess.Value{Choices: []string{"yes"}}}); err != nil {
		t.Fatal(err)
	}
	if res := verifyWith(t, db, VerifyOptions{Incremental: true}); res.FullWhy == "" || res.Broken == nil {
		t.Fatalf("incremental after a change: %v %q", res.Broken, res.FullWhy)
	}
}

// Only a checkpoint signed with the verifier's own key is started from.
func TestVerifyIncrementalOwnCheckpointOnly(t *testing.T) {
	contract(t, contractVerifyIncrementalOwnCheckpointOnly)
}

func contractVerifyIncrementalOwnCheckpointOnly(t *testing.T) {
	db := trail(t)
	verifyWith(t, db, VerifyOptions{Checkpoint: true})
	other, err := ledger.KeyFromSeed([]byte("another verifier's key, 32 bytes"))
	if err != nil {
		t.Fatal(err)
	}
	// Every signer's key trusted (on a file testKey, on a team database
	// each login's own, Ana's among them), none of them as Other's own.
	db.SetTrust(func() (*ledger.Keyring, error) {
		r := &ledger.Keyring{}
		r.Add(ledger.Trusted{Key: other.Public(), Name: "Other", Own: true})
		signers, _ := trustTestKeys()
		for _, k := range signers.Keys() {
			k.Own = false
			r.Add(k)
		}
		return r, nil
	})
	res, err := db.VerifyWith(as("Other"), VerifyOptions{Incremental: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Since != nil || !strings.Contains(res.FullWhy, "no verify checkpoint of yours") || res.Broken != nil {
		t.Fatalf("someone else's checkpoint: since %v why %q broken %v", res.Since, res.FullWhy, res.Broken)
	}
}
