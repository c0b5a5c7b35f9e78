package store

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
)

// An export's two signed heads, the assessment's and its subject's, were
// each proved on their own: a subject's older signed head, taken with its
// record from an older export of the same assessment, passed import and
// verify --against, so a file showed the subject's owner and tier as they
// were before the assessment's later changes, a record the subject never
// had beside that assessment. In the database the export was made from,
// each head must now be its chain's latest as of the later of the two
// (the export's moment, as the ledger places it), naming the head at
// fault; so must a subject head left out.
func TestExportHeadsStoodTogether(t *testing.T) {
	contract(t, contractExportHeadsStoodTogether)
}

func contractExportHeadsStoodTogether(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	edit := func(owner, tier string) {
		t.Helper()
		if _, err := db.EditSubject(as("Ana Analyst"), a.SubjectID, assess.SubjectChange{Owner: &owner, SetTier: &tier}); err != nil {
			t.Fatal(err)
		}
	}
	answer := func(v string) {
		t.Helper()
		if err := db.SaveAnswer(as("Ana Analyst"), a.ID, choice("mfa", v)); err != nil {
			t.Fatal(err)
		}
	}
	exported := func() *export.File {
		t.Helper()
		f, err := db.Export(as("Ana Analyst"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return roundTrip(t, f)
	}
	check := func(what string, f *export.File, want string) {
		t.Helper()
		_, err := db.CheckExport(as("Ana Analyst"), f)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", what, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: got %v, want it to say %q", what, err, want)
		case want != "" && assess.ErrorCode(err) != assess.EInvalid:
			t.Errorf("%s: %v is not EInvalid", what, err)
		}
	}

	edit("Nobody in particular", "low")
	old := exported()
	edit("Vendor management", "critical")
	answer("partial")
	now := exported()
	check("the export as made earlier", old, "")
	check("the export as made now", now, "")

	// The subject's head and record of the older export, with the newer
	// assessment: the subject's newer head stood before the assessment's.
	forged := roundTrip(t, now)
	forged.Head.Subject, forged.SubjectRecord = old.Head.Subject, old.SubjectRecord
	check("an older subject head with the newer assessment", forged, "head.subject: ")

	// Left out, with its record: the subject had a signed head then.
	bare := roundTrip(t, now)
	bare.Head.Subject, bare.SubjectRecord = nil, nil
	check("no subject head", bare, "head.subject: ")

	// The older export with the subject's head signed after the
	// assessment changed again: the assessment's newer head stood first.
	answer("yes")
	edit("Procurement", "high")
	newest := exported()
	stale := roundTrip(t, old)
	stale.Head.Subject, stale.SubjectRecord = newest.Head.Subject, newest.SubjectRecord
	check("a newer subject head with the older assessment", stale, "head.assessment: ")
	check("the export as made last", newest, "")

}

// A copy of the database (a backup) goes its own way with the same key:
// its entries are numbered as this one's, but are others. Its subject
// head, with the same subject's UUID, beside this database's assessment
// head passed as a file this database could not place; an export's two
// heads come from one ledger, and it is refused naming head.subject.
func TestExportHeadsComeFromOneLedger(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := db.BackupInto(as("Ana Analyst"), path, path); err != nil {
		t.Fatal(err)
	}
	elsewhere := fixedClock(openAt(t, path), time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	before := filepath.Join(t.TempDir(), "before.db")
	if err := db.BackupInto(as("Ana Analyst"), before, before); err != nil {
		t.Fatal(err)
	}
	for _, side := range []struct {
		db    *DB
		owner string
	}{{db, "Vendor management"}, {elsewhere, "Nobody in particular"}} {
		if _, err := side.db.EditSubject(as("Ana Analyst"), a.SubjectID, assess.SubjectChange{Owner: &side.owner}); err != nil {
			t.Fatal(err)
		}
	}
	mine, err := db.Export(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := elsewhere.Export(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if mine.Head.Subject.Entry.Seq != theirs.Head.Subject.Entry.Seq || mine.Head.Subject.Entry.Hash == theirs.Head.Subject.Entry.Hash {
		t.Fatalf("the two subject heads: entries %d and %d", mine.Head.Subject.Entry.Seq, theirs.Head.Subject.Entry.Seq)
	}
	mixed := roundTrip(t, mine)
	mixed.Head.Subject, mixed.SubjectRecord = theirs.Head.Subject, theirs.SubjectRecord
	_, err = db.CheckExport(as("Ana Analyst"), mixed)
	if want := "head.subject: ledger entry"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a subject head from a copy of the database: %v, want it to say %q", err, want)
	}
	if _, err := db.CheckExport(as("Ana Analyst"), roundTrip(t, mine)); err != nil {
		t.Errorf("the export as made: %v", err)
	}
	// Where the database was rolled back to before the subject's head,
	// the refusal says so.
	restored := fixedClock(openAt(t, before), time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	_, err = restored.CheckExport(as("Ana Analyst"), roundTrip(t, mine))
	if want := "but this database's ledger ends at entry"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("the export in a database restored from before its subject's head: %v, want it to say %q", err, want)
	}
}
