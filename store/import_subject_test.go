package store

import (
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The subject's record travels with an export: imported where the subject
// is new, it comes with its owner, contacts, notes and hand-set tier;
// where the subject is already known, that database's record is kept.
func TestImportCarriesTheSubjectRecord(t *testing.T) {
	contract(t, contractImportCarriesTheSubjectRecord)
}

func contractImportCarriesTheSubjectRecord(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	s, err := db.Subject(as("x"), a.SubjectID)
	if err != nil {
		t.Fatal(err)
	}
	s.Owner, s.Contacts, s.Notes, s.SetTier = "Vendor management", []string{"security@acme.example", "Jo Bloggs"}, "Main CRM vendor", "high"
	if _, err := db.EditSubject(as("Ana Analyst"), s.ID, assess.SubjectChange{Owner: &s.Owner, Contacts: &s.Contacts, Notes: &s.Notes, SetTier: &s.SetTier}); err != nil {
		t.Fatal(err)
	}
	f, err := db.Export(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	rec := f.SubjectRecord
	if rec == nil || rec.Owner != "Vendor management" || rec.Tier != "high" || rec.Notes != "Main CRM vendor" || len(rec.Contacts) != 2 {
		t.Fatalf("exported subject record: %+v", rec)
	}

	fresh := openOther(t)
	imported, err := fresh.Import(as("Iris Importer"), roundTrip(t, f))
	if err != nil {
		t.Fatal(err)
	}
	got, err := fresh.Subject(as("x"), imported.SubjectID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Acme Cloud Ltd" || got.Owner != "Vendor management" || got.SetTier != "high" || got.Notes != "Main CRM vendor" ||
		!slices.Equal(got.Contacts, []string{"security@acme.example", "Jo Bloggs"}) {
		t.Errorf("subject created by the import: %+v", got)
	}

	known := openOther(t)
	mine := &assess.Subject{Name: "ACME Cloud Ltd", Kind: assess.SubjectVendor, Owner: "Procurement"}
	if err := known.CreateSubject(as("Kim Keeper"), mine); err != nil {
		t.Fatal(err)
	}
	imported, err = known.Import(as("Iris Importer"), roundTrip(t, f))
	if err != nil {
		t.Fatal(err)
	}
	kept, err := known.Subject(as("x"), imported.SubjectID)
	if err != nil {
		t.Fatal(err)
	}
	if imported.SubjectID != mine.ID || kept.Owner != "Procurement" || kept.SetTier != "" || len(kept.Contacts) != 0 {
		t.Errorf("a known subject's record changed on import: subject %d (want %d) %+v", imported.SubjectID, mine.ID, kept)
	}

	// A record that is not the one the subject's signed head holds
	// refuses the whole import.
	bad := roundTrip(t, f)
	bad.SubjectRecord.Tier = "extreme"
	if _, err := openOther(t).Import(as("Iris Importer"), bad); assess.ErrorCode(err) != assess.EInvalid || err == nil {
		t.Errorf("an unknown tier in subject_record: %v", err)
	} else if want := "subject_record.tier: is not what the subject's signed head says"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}
