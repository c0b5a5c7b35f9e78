package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A key belongs to one person (assess/ledger). In a file, one person signs
// with one key whatever name they work under: a reviewer who renames
// themselves keeps the key's first registration, registers nothing new,
// and the file still verifies.
func TestFileKeepsAKeysFirstNameAcrossARename(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "assay.db")
	db, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.UseKey(testKey)
	q, err := loadTestQuestionnaire("vendor-tiering")
	if err != nil {
		t.Fatal(err)
	}
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", Questionnaire: q, AssessedOn: day("2026-03-01")}
	if err := db.CreateAssessment(as("Ana Analyst"), a); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswer(as("Ana Costa"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	e, err := db.RegisterKey(as("Ana Costa"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Seq != 1 || e.Kind != "genesis" {
		t.Errorf("assay key under the new name answers with entry %d (%s), want the genesis", e.Seq, e.Kind)
	}
	keys, err := db.RegisteredKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 {
		t.Fatalf("the file registers %d keys, want the one", len(keys))
	}
	if note, _, _ := keys[0].KeyOf(); note.Name != "Ana Analyst" {
		t.Errorf("the key is registered for %q, want its first name, Ana Analyst", note.Name)
	}
	res, err := db.Verify(ctx, 0)
	if err != nil || res.Broken != nil {
		t.Fatalf("verify after the rename: %v %v", res.Broken, err)
	}
	if len(res.Signers) != 1 || res.Signers[0].Name != "Ana Analyst" || res.Signers[0].Entries != 3 {
		t.Errorf("signers: %+v, want Ana Analyst with 3 entries", res.Signers)
	}
}
