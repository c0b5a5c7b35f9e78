package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// testdata/before-signing.sql is the dump (sqlite3 .dump) of a database
// written by assay before signing (commit 11d8684, schema 004) with its
// own commands: an approved assessment with a plan edit, its draft
// revision, a draft of another vendor and an edited subject; 3
// assessments, 2 subjects, 52 audit records, all hash-chained.
func beforeSigning(t *testing.T) *DB {
	t.Helper()
	return tamperOpen(t, olderDatabase(t))
}

// Opened by this assay, the old database is migrated but not yet signed:
// verify says so rather than pass. Its first change signs a checkpoint of
// everything as it is, which verify then reports; later changes are
// signed entries, and the old history stays hash-chained only.
func TestMigrationSignsACheckpointAtTheFirstChange(t *testing.T) {
	db := beforeSigning(t)
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if b := res.Broken; b == nil || !strings.Contains(b.Error(), "ledger: the database holds 3 assessments and 2 subjects but no signed ledger") {
		t.Fatalf("before any change: %v", res.Broken)
	}
	if err := db.SaveAnswer(as("Dana Reyes"), 2, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	res, err = db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken != nil {
		t.Fatalf("after the first change: %v %v", res.Broken, err)
	}
	// Genesis, then the checkpoint in the same transaction as the change.
	if res.Checkpoint == nil || res.Checkpoint.Seq != 2 || res.HashOnly != 5 || res.Entries != 2 || res.Records != 53 {
		t.Fatalf("checkpoint %+v, %d hash-chained only, %d entries, %d records", res.Checkpoint, res.HashOnly, res.Entries, res.Records)
	}
	// The old assay scored with other rules (assay-scoring/1): the
	// summaries it stored are not scored again, but for the one the
	// change rewrote.
	if res.OlderScoring != 2 {
		t.Errorf("%d summaries from older scoring rules, want 2", res.OlderScoring)
	}
	// Assessment 2, not 3: 3 revises assessment 1, approved on a day
	// after this test's clock, and no step of a revision is dated before
	// the approval it revises.
	if _, err := db.Review(as("Dana Reyes"), 2, assess.ActSubmit, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	res, err = db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken != nil || res.Entries != 3 || res.HashOnly != 5 {
		t.Fatalf("after a second change: %+v %v", res, err)
	}
	// Every assessment and subject exports with a signed head now.
	for id := int64(1); id <= 3; id++ {
		if _, err := db.Export(as("Auditor"), id); err != nil {
			t.Errorf("export %d: %v", id, err)
		}
	}
}

// assay key on an old database signs the checkpoint without a change.
func TestMigrationSignsACheckpointWhenTheKeyIsRegistered(t *testing.T) {
	db := beforeSigning(t)
	if _, err := db.Export(as("Auditor"), 1); err == nil || !strings.Contains(err.Error(), "has no signed head yet") {
		t.Fatalf("export before signing: %v", err)
	}
	e, err := db.RegisterKey(as("Dana Reyes"))
	if err != nil || e.Seq != 1 || e.Kind != "genesis" {
		t.Fatalf("register: %+v %v", e, err)
	}
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken != nil || res.Checkpoint == nil || res.HashOnly != 5 || res.Records != 52 {
		t.Fatalf("after registering: %+v %v", res, err)
	}
	// Registering again writes nothing.
	if again, err := db.RegisterKey(as("Dana Reyes")); err != nil || again.Seq != 1 {
		t.Fatalf("again: %+v %v", again, err)
	}
	if res, _ := db.Verify(as("Auditor"), 0); res.Entries != 2 {
		t.Fatalf("%d entries after registering twice", res.Entries)
	}
}
