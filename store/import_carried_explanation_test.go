package store

import "testing"

func TestImportedRevisionSaysWhichCarriedExplanationsDidNotComeAcross(t *testing.T) {
	contract(t, contractImportedRevisionSaysWhichCarriedExplanationsDidNotComeAcross)
}

// A revision carries the explanations that still hold from the approved
// assessment it revises, each a record of the reviser's naming the
// original's record of it. Imported without that assessment, nothing in
// the database vouches for the original record, so the explanation stands
// for nothing there, and the reviewer found the disagreement unexplained
// with no word of why. The imported assessment now lists those carried
// explanations (check, who wrote each, when, the text) as carried from an
// assessment that is not here; imported after the assessment it revises,
// the explanation stands, carried from it, and none is listed.
func contractImportedRevisionSaysWhichCarriedExplanationsDidNotComeAcross(t *testing.T) {
	db := openAt(t, tempPath(t))
	a, rev, explainedAt, _ := explainedThenRevised(t, db)
	original, err := db.Export(as("x"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	revision, err := db.Export(as("x"), rev.ID)
	if err != nil {
		t.Fatal(err)
	}

	alone, err := openOther(t).Import(as("Iris Importer"), roundTrip(t, revision))
	if err != nil {
		t.Fatal(err)
	}
	if len(alone.Explanations) != 0 {
		t.Errorf("imported alone, %d explanations stand: %+v", len(alone.Explanations), alone.Explanations)
	}
	if n := len(alone.CarriedNotHere); n != 1 {
		t.Fatalf("imported alone, %d carried explanations are listed as not here, want 1: %+v", n, alone.CarriedNotHere)
	}
	if e := alone.CarriedNotHere[0]; e.Check != "compared-none" || e.By != "Ana Analyst" || !e.At.Equal(explainedAt) || e.Text != annexWhy {
		t.Errorf("imported alone, the explanation listed: %+v; want Ana Analyst's compared-none of %v", e, explainedAt)
	}

	both := openOther(t)
	orig, err := both.Import(as("Iris Importer"), roundTrip(t, original))
	if err != nil {
		t.Fatal(err)
	}
	linked, err := both.Import(as("Iris Importer"), roundTrip(t, revision))
	if err != nil {
		t.Fatal(err)
	}
	if len(linked.CarriedNotHere) != 0 || len(linked.Explanations) != 1 || linked.Explanations[0].CarriedFrom != orig.ID ||
		linked.Explanations[0].By != "Ana Analyst" {
		t.Errorf("imported after its original: standing %+v, not here %+v; want Ana Analyst's carried from %d", linked.Explanations, linked.CarriedNotHere, orig.ID)
	}
}
