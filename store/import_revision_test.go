package store

import (
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
)

// A revision exported and imported into another database keeps its link
// to the approved assessment it revises, by UUID, when that assessment is
// there; imported alone, it comes in unlinked rather than linked to
// whatever has its old ID.
func TestImportKeepsTheRevisionLink(t *testing.T) { contract(t, contractImportKeepsTheRevisionLink) }

func contractImportKeepsTheRevisionLink(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	mustReview(t, db, a.ID, "Ana Analyst", assess.ActSubmit)
	mustReview(t, db, a.ID, "Rui Reviewer", assess.ActApprove)
	rev, err := db.Revise(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	original, err := db.Export(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	revision, err := db.Export(as("Ana Analyst"), rev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if revision.Assessment.RevisionOf != a.UUID || original.Assessment.RevisionOf != "" {
		t.Fatalf("exported revision_of: revision %q (want %q), original %q (want none)", revision.Assessment.RevisionOf, a.UUID, original.Assessment.RevisionOf)
	}

	other := openOther(t)
	// Alone: no approved assessment with that UUID here.
	alone, err := other.Import(as("Iris Importer"), roundTrip(t, revision))
	if err != nil {
		t.Fatal(err)
	}
	if alone.RevisionOf != 0 || alone.Revision != 2 {
		t.Errorf("imported alone: revision %d of %d, want revision 2 unlinked", alone.Revision, alone.RevisionOf)
	}

	third := openOther(t)
	orig, err := third.Import(as("Iris Importer"), roundTrip(t, original))
	if err != nil {
		t.Fatal(err)
	}
	linked, err := third.Import(as("Iris Importer"), roundTrip(t, revision))
	if err != nil {
		t.Fatal(err)
	}
	if linked.RevisionOf != orig.ID || linked.Revision != 2 {
		t.Errorf("imported after its original: revision %d of %d, want 2 of %d", linked.Revision, linked.RevisionOf, orig.ID)
	}
	// An approved assessment has at most one revision: where the original
	// was revised here already, the imported revision comes in unlinked.
	fourth := openOther(t)
	orig4, err := fourth.Import(as("Iris Importer"), roundTrip(t, original))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fourth.Revise(as("Iris Importer"), orig4.ID); err != nil {
		t.Fatal(err)
	}
	second, err := fourth.Import(as("Iris Importer"), roundTrip(t, revision))
	if err != nil {
		t.Fatal(err)
	}
	if second.RevisionOf != 0 {
		t.Errorf("a second revision of %d was linked to it", orig4.ID)
	}
	if res, err := third.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Errorf("verify after importing both: %v %+v", err, res.Broken)
	}
}

func openOther(t *testing.T) *DB {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "other.db"))
}

// roundTrip writes an assessment file and reads it back, as assay export
// and assay import do.
func roundTrip(t *testing.T, f *export.File) *export.File {
	t.Helper()
	b, err := export.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	back, err := export.Unmarshal("acme.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return back
}
