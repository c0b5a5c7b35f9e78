package store

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess/export"
)

// An imported assessment says where it came from: the export file's
// SHA-256, who exported it and when as the file states it, and who
// imported it here and when; one made here says nothing of the kind.
// Exported again and imported into a third database, it names the later
// import. verify holds the provenance to the trail.
func TestImportRecordsProvenance(t *testing.T) { contract(t, contractImportRecordsProvenance) }

func contractImportRecordsProvenance(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	if a.Imported != nil {
		t.Errorf("an assessment made here reads as imported: %+v", a.Imported)
	}
	f, err := db.Export(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := export.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	read, err := export.Unmarshal("acme.json", b)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)

	other := openOther(t)
	before := time.Now().Add(-time.Minute)
	got, err := other.Import(as("Iris Importer"), read)
	if err != nil {
		t.Fatal(err)
	}
	p := got.Imported
	if p == nil {
		t.Fatal("the imported assessment does not say it was imported")
	}
	if p.FileDigest != hex.EncodeToString(sum[:]) || p.ExportedBy != f.ExportedBy || p.ExportedAt != f.ExportedAt || p.By != "Iris Importer" {
		t.Errorf("provenance %+v, want file %x, exported by %q at %q, imported by Iris Importer", p, sum, f.ExportedBy, f.ExportedAt)
	}
	if p.At.Before(before) || p.At.After(time.Now().Add(time.Minute)) {
		t.Errorf("imported at %v, want about now", p.At)
	}
	if res, err := other.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Fatalf("verify after import: %v %+v", err, res.Broken)
	}

	// Exported from there and imported into a third database by someone
	// else: the provenance is the third database's own import.
	again, err := other.Export(as("Iris Importer"), got.ID)
	if err != nil {
		t.Fatal(err)
	}
	third := openOther(t)
	back := roundTrip(t, again)
	got3, err := third.Import(as("Iris Importer"), back)
	if err != nil {
		t.Fatal(err)
	}
	if p3 := got3.Imported; p3 == nil || p3.FileDigest != back.Digest || p3.FileDigest == p.FileDigest || p3.ExportedBy != again.ExportedBy {
		t.Errorf("re-imported provenance %+v, want the second file's (%s, exported by %q)", p3, back.Digest, again.ExportedBy)
	}
	if res, err := third.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Fatalf("verify after the second import: %v %+v", err, res.Broken)
	}

	// The provenance is the import record's: a script that rewrites it
	// (here on the SQLite file; the team server refuses the write) is
	// found by verify.
	if onPostgres(t) {
		return
	}
	if _, err := other.sql.Exec(`UPDATE events SET new_value = replace(new_value, ?, ?) WHERE assessment_id = ? AND kind = 'import'`,
		p.FileDigest, strings.Repeat("0", 64), got.ID); err != nil {
		t.Fatal(err)
	}
	// Read without a verify, it is not taken for provenance
	// (TestAnEditedImportRecordIsNotShownAsProvenance).
	if forged, err := other.Assessment(as("x"), got.ID); err != nil || !forged.Imported.Altered || forged.Imported.FileDigest != "" {
		t.Fatalf("the rewritten record reads as provenance: %v %+v", err, forged.Imported)
	}
	if res, err := other.Verify(as("x"), 0); err != nil || res.Broken == nil {
		t.Errorf("verify after the import record's digest was rewritten: %v, broken %+v", err, res)
	}
}
