package store

import (
	"database/sql"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Archiving sets aside an assessment started by mistake. An approved one
// is the committee's signed record and one in review is before the
// committee: both were archived without a word, dropping the decision
// from the portfolio. Archiving either is refused, saying why and what to
// do instead, and records nothing; a draft or a rejected one is archived
// as before.
func TestArchivingASignedAssessmentIsRefused(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		fixedClock(db, signingDay)
		a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
		mustReview(t, db, a.ID, "Ana Analyst", assess.ActSubmit)
		err := db.SetArchived(as("Ana Analyst"), a.ID, true)
		wantCode(t, err, assess.EConflict, "cannot archive assessment 1: it is in review, before the committee; withdraw it to draft first, then archive it (assay review 1 --withdraw)")
		mustReview(t, db, a.ID, "Rui Reviewer", assess.ActApprove)
		err = db.SetArchived(as("Ana Analyst"), a.ID, true)
		wantCode(t, err, assess.ELocked, "cannot archive assessment 1: it is approved, the committee's signed decision, and stays listed; to change it, start a revision (assay revise 1)")
		got, err := db.Assessment(as("Ana Analyst"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Archive.Archived() {
			t.Fatal("the approved assessment was archived")
		}
		if n := countEvents(t, db, a.ID, "archive"); n != 0 {
			t.Errorf("%d archive records after the refusals, want none", n)
		}

		b := newAssessment(t, db, q, "Initech", day("2026-03-01"), completeAnswers())
		mustReview(t, db, b.ID, "Ana Analyst", assess.ActSubmit)
		if _, err := db.Review(as("Rui Reviewer"), b.ID, assess.ActReject, day("2026-03-02"), "Wrong vendor entity"); err != nil {
			t.Fatal(err)
		}
		if err := db.SetArchived(as("Ana Analyst"), b.ID, true); err != nil {
			t.Fatalf("a rejected assessment started by mistake: %v", err)
		}
	})
}

// An approved assessment archived by an older assay was still revised:
// a new draft of something set aside. The revision is refused until it is
// restored, which is allowed, and the workspace does not offer it.
func TestRevisingAnArchivedApprovalIsRefused(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		fixedClock(db, signingDay)
		a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
		mustReview(t, db, a.ID, "Ana Analyst", assess.ActSubmit)
		mustReview(t, db, a.ID, "Rui Reviewer", assess.ActApprove)
		archiveAsAnOlderAssay(t, db, a.ID)
		got, err := db.Assessment(as("Ana Analyst"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if (assess.Decider{Name: "Ana Analyst"}).MayRevise(got) {
			t.Error("the workspace offers to revise an archived assessment")
		}
		_, err = db.Revise(as("Ana Analyst"), a.ID)
		wantCode(t, err, assess.EConflict, "cannot revise assessment 1: it is archived (set aside as started by mistake); restore it first")
		if err := db.SetArchived(as("Ana Analyst"), a.ID, false); err != nil {
			t.Fatalf("restoring an archived approval: %v", err)
		}
		if rev, err := db.Revise(as("Ana Analyst"), a.ID); err != nil || rev.RevisionOf != a.ID {
			t.Fatalf("revision once restored: %+v %v", rev, err)
		}
	})
}

// archiveAsAnOlderAssay archives id as an assay that archived approved
// assessments did: the flag and its audit record, without the refusal.
// A team database's server refuses it too since schema 013: there it is
// written by the owner, whose writes bring history as it was, as a row
// an older server let be archived.
func archiveAsAnOlderAssay(t *testing.T, db *DB, id int64) {
	t.Helper()
	who := as("Ana Analyst")
	if onPostgres(t) {
		who = as("Iris Importer")
	}
	err := db.tx(who, func(tx *sql.Tx) error {
		if err := db.lockAssessment(who, tx, id); err != nil {
			return err
		}
		return db.writeArchived(who, tx, id, false, true)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// countEvents counts id's audit records of kind.
func countEvents(t *testing.T, db *DB, id int64, kind string) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow(`SELECT COUNT(*) FROM events WHERE assessment_id = ? AND kind = ?`, id, kind).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
