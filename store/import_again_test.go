package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/export"
)

// An assessment already here is never changed by an import; but "already
// in this database" did not say whether the file was the very one
// imported before, an older or later copy, or a copy changed on both
// sides since: what the person must do next differs. Each refusal names
// the file's field and the relation, and changes nothing.
func TestImportOfAnAssessmentAlreadyHereSaysHowTheTwoRelate(t *testing.T) {
	contract(t, contractImportOfAnAssessmentAlreadyHereSaysHowTheTwoRelate)
}

func contractImportOfAnAssessmentAlreadyHereSaysHowTheTwoRelate(t *testing.T) {
	origin, q := testDB(t)
	a := newAssessment(t, origin, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers()[:3])
	first, err := export.Marshal(mustExport(t, origin, a.ID))
	if err != nil {
		t.Fatal(err)
	}
	read := func(b []byte) *export.File {
		f, err := export.Unmarshal("acme.json", b)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	db := openOther(t)
	here, err := db.Import(as("Iris Importer"), read(first))
	if err != nil {
		t.Fatal(err)
	}
	refused := func(name string, f *export.File, want ...string) {
		t.Helper()
		before := rowCounts(t, db)
		_, err := db.Import(as("Iris Importer"), f)
		for _, w := range append([]string{"assessment.uuid: "}, want...) {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %v\nwant it to say %q", name, err, w)
			}
		}
		if rowCounts(t, db) != before {
			t.Errorf("%s: the refused import changed the database", name)
		}
	}
	refused("the same file twice", read(first), "this very file was imported already, as assessment 1")

	colleagues := mustExport(t, origin, a.ID)
	colleagues.ExportedBy = "Rui Castro"
	refused("another export of the same trail", roundTrip(t, colleagues), "assessment 1 here already holds all 4 records of the file's audit trail, and 1 record after them; nothing to import")

	if err := origin.SaveAnswer(as("Ana Analyst"), a.ID, completeAnswers()[3]); err != nil {
		t.Fatal(err)
	}
	later := roundTrip(t, mustExport(t, origin, a.ID))
	refused("a later export", later, "the file is a later copy of assessment 1: its audit trail holds 1 record after the 4 records assessment 1 holds",
		"import adds assessments and never changes one")

	if err := db.SaveAnswer(as("Iris Importer"), here.ID, completeAnswers()[4]); err != nil {
		t.Fatal(err)
	}
	refused("a copy changed on both sides", later, "the file's audit trail and assessment 1's part after record 4: each was changed without the other")
}

// A trail of one record is counted as one: "holds all 1 record" and "the
// 1 assessment 1 holds" read as slips, and "assessment 1 1 record" as a
// misprint. Each refusal of a one-record trail names its counts in words
// that read right.
func TestImportAgainCountsAOneRecordTrailAsOne(t *testing.T) {
	contract(t, contractImportAgainCountsAOneRecordTrailAsOne)
}

func contractImportAgainCountsAOneRecordTrailAsOne(t *testing.T) {
	origin, q := testDB(t)
	a := newAssessment(t, origin, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	if n := len(mustExport(t, origin, a.ID).Events); n != 1 {
		t.Fatalf("a new assessment's trail holds %d records, want 1", n)
	}
	db := openOther(t)
	here, err := db.Import(as("Iris Importer"), roundTrip(t, mustExport(t, origin, a.ID)))
	if err != nil {
		t.Fatal(err)
	}
	refused := func(name string, f *export.File, want string) {
		t.Helper()
		_, err := db.Import(as("Iris Importer"), f)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v\nwant it to say %q", name, err, want)
		}
		for _, slip := range []string{"all 1 record", "1 record after them", "the 1 assessment", "1 1 record"} {
			if err != nil && strings.Contains(err.Error(), slip) {
				t.Errorf("%s: %v\nsays %q", name, err, slip)
			}
		}
	}
	colleagues := mustExport(t, origin, a.ID)
	colleagues.ExportedBy = "Rui Castro"
	refused("another export of the one-record trail", roundTrip(t, colleagues),
		"assessment 1 here already holds the one record of the file's audit trail, and 1 record after it; nothing to import")

	if err := origin.SaveAnswer(as("Ana Analyst"), a.ID, completeAnswers()[0]); err != nil {
		t.Fatal(err)
	}
	later := roundTrip(t, mustExport(t, origin, a.ID))
	refused("a later export", later, "its audit trail holds 1 record after the 1 record assessment 1 holds")

	if err := db.SaveAnswer(as("Iris Importer"), here.ID, completeAnswers()[1]); err != nil {
		t.Fatal(err)
	}
	refused("a copy changed on both sides", later,
		"after record 1: each was changed without the other (after it the file holds 1 record and assessment 1 holds 2 records)")
}
