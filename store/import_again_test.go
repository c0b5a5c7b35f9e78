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
	refused("another export of the same trail", roundTrip(t, colleagues), "assessment 1 here already holds all 4 records of the file's audit trail")

	if err := origin.SaveAnswer(as("Ana Analyst"), a.ID, completeAnswers()[3]); err != nil {
		t.Fatal(err)
	}
	later := roundTrip(t, mustExport(t, origin, a.ID))
	refused("a later export", later, "the file is a later copy of assessment 1: its audit trail holds 1 record after the 4 assessment 1 holds",
		"import adds assessments and never changes one")

	if err := db.SaveAnswer(as("Iris Importer"), here.ID, completeAnswers()[4]); err != nil {
		t.Fatal(err)
	}
	refused("a copy changed on both sides", later, "the file's audit trail and assessment 1's part after record 4: each was changed without the other")
}
