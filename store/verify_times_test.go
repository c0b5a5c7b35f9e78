package store

import (
	"strings"
	"testing"
	"time"
)

// A laptop's clock set back between two sittings stamps the later answers
// (and the assessment's time of last change) before its creation. Nothing
// was changed outside assay: verify passes, and the export imports
// elsewhere once the clock is right again, while an update time moved
// outside the trail is named (TestVerifyNamesStateChangedOutsideTrail).
func TestVerifyIntactAfterTheClockWentBack(t *testing.T) {
	contract(t, contractVerifyIntactAfterTheClockWentBack)
}

func contractVerifyIntactAfterTheClockWentBack(t *testing.T) {
	db, q := testDB(t)
	clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	if err := db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(-48 * time.Hour) // set back two days
	if err := db.SaveAnswer(as("Ana"), a.ID, choice("encryption", "partial")); err != nil {
		t.Fatal(err)
	}
	got, err := db.Assessment(as("Ana"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.UpdatedAt.Before(got.CreatedAt) {
		t.Fatalf("the test needs an update time before the creation: created %s, updated %s", got.CreatedAt, got.UpdatedAt)
	}
	if res, err := db.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %v", res.Broken, err)
	}
	// Exported while the clock is still set back, the file says it was
	// made before records it carries: import refuses it, naming
	// exported_at, which no signature covers and the provenance shows
	// (TestImportRefusesAnExportDatedInTheFuture). With the clock right
	// again, it exports and imports.
	other := openOther(t)
	f, err := db.Export(as("Ana"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Import(as("Iris Importer"), roundTrip(t, f)); err == nil || !strings.Contains(err.Error(), "exported_at: ") {
		t.Fatalf("import of an export dated before its records: %v", err)
	}
	clock = time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC)
	if f, err = db.Export(as("Ana"), a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Import(as("Iris Importer"), roundTrip(t, f)); err != nil {
		t.Fatalf("import: %v", err)
	}
}
