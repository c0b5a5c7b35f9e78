package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The subject's signed head in an export was checked to be signed by a
// trusted key and to hold the file's subject record, but not to be the
// head of the assessment's own subject: a forger could put in another
// subject's signed head (from any export of that database) with that
// subject's record, and the import created the assessment's subject with
// the other's owner, contacts, notes and tier ("low" for a critical
// vendor), as proven. The head must now be of the subject the
// assessment's own signed state names, and the whole import is refused.
func TestImportRefusesAnotherSubjectsSignedHead(t *testing.T) {
	db, q := testDB(t)
	edit := func(a *assess.Assessment, owner, tier string) {
		s, err := db.Subject(as("x"), a.SubjectID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.EditSubject(as("Ana Analyst"), s.ID, assess.SubjectChange{Owner: &owner, SetTier: &tier}); err != nil {
			t.Fatal(err)
		}
	}
	acme := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	edit(acme, "Vendor management", "critical")
	globex := newAssessment(t, db, q, "Globex", day("2026-03-01"), completeAnswers())
	edit(globex, "Nobody in particular", "low")
	f, err := db.Export(as("Ana Analyst"), acme.ID)
	if err != nil {
		t.Fatal(err)
	}
	other, err := db.Export(as("Ana Analyst"), globex.ID)
	if err != nil {
		t.Fatal(err)
	}
	forged := roundTrip(t, f)
	forged.Head.Subject, forged.SubjectRecord = other.Head.Subject, other.SubjectRecord
	_, err = openOther(t).Import(as("Iris Importer"), forged)
	if err == nil || !strings.Contains(err.Error(), "head.subject: is the signed head of subject Globex") {
		t.Errorf("an export carrying another subject's signed head: %v", err)
	}
	if _, err := openOther(t).Import(as("Iris Importer"), roundTrip(t, f)); err != nil {
		t.Errorf("the export as made: %v", err)
	}
}
