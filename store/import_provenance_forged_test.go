package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/ledger"
)

// exported_by is the file's word, not signed: a vendor whose key the
// importer trusts can name anyone there, a person of this office too.
// The provenance says whose trusted key signed the file, and marks an
// exporter's name that is not that key's as the file's word.
func TestImportProvenanceSaysWhoseTrustedKeySignedIt(t *testing.T) {
	vendorKey, err := ledger.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	vendor, q := testDB(t)
	vendor.UseKey(vendorKey)
	a := newAssessment(t, vendor, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	f, err := vendor.Export(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.ExportedBy = "Iris Importer" // the importer's own name
	db := openOther(t)
	db.SetTrust(func() (*ledger.Keyring, error) {
		ring := &ledger.Keyring{}
		ring.Add(ledger.Trusted{Key: testKey.Public(), Name: "you", Own: true})
		ring.Add(ledger.Trusted{Key: vendorKey.Public(), Name: "Acme Vendor"})
		return ring, nil
	})
	got, err := db.Import(as("Iris Importer"), roundTrip(t, f))
	if err != nil {
		t.Fatal(err)
	}
	want := "from an export by Iris Importer (as the file states) of 2026-03-02T09:00:00Z, signed with the key trusted here as Acme Vendor (file SHA-256 "
	if words := got.Imported.Words(); !strings.Contains(words, want) {
		t.Errorf("provenance:\n%s\nwant it to say\n%s", words, want)
	}
	if res, err := db.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %+v", err, res.Broken)
	}

	// The importer's own key (an export from their other database): the
	// exporter's name is not held to a key's name.
	own := roundTrip(t, mustExport(t, db, got.ID))
	third := openOther(t)
	got3, err := third.Import(as("Iris Importer"), own)
	if err != nil {
		t.Fatal(err)
	}
	if words, want := got3.Imported.Words(), "from an export by Iris Importer of "; !strings.Contains(words, want) || !strings.Contains(words, "signed with the importer's own key") {
		t.Errorf("provenance of an export signed with one's own key:\n%s", words)
	}
}

// A provenance record edited in the database after import (a script on
// the SQLite file) is found by verify; until then the workspace's Compare,
// assay diff and the report read it, and must not state the edited text as
// the import's: they say the record was changed and show none of it, even
// when the record's own hash was computed again.
func TestAnEditedImportRecordIsNotShownAsProvenance(t *testing.T) {
	for _, rehashed := range []bool{false, true} {
		db := openOther(t)
		f, err := export.Unmarshal("acme.json", importSeed(t)) // exported by Ana Analyst
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.Import(as("Iris Importer"), f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.sql.Exec(`UPDATE events SET new_value = replace(new_value, '"exported_by":"Ana Analyst"', '"exported_by":"Chief Executive"')
			WHERE assessment_id = ? AND kind = 'import'`, got.ID); err != nil {
			t.Fatal(err)
		}
		if rehashed {
			var e Event
			if err := db.sql.QueryRow(`SELECT seq, at, actor, kind, target, old_value, new_value, prev_hash FROM events WHERE assessment_id = ? AND kind = 'import'`, got.ID).
				Scan(&e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash); err != nil {
				t.Fatal(err)
			}
			if _, err := db.sql.Exec(`UPDATE events SET hash = ? WHERE assessment_id = ? AND seq = ?`, e.computeHash(), got.ID, e.Seq); err != nil {
				t.Fatal(err)
			}
		}
		forged, err := db.Assessment(as("x"), got.ID)
		if err != nil {
			t.Fatal(err)
		}
		words := forged.Imported.Words()
		if strings.Contains(words, "Chief Executive") || !strings.Contains(words, "its import record was changed after the import") {
			t.Errorf("rehashed %v: the edited record reads as provenance: %s", rehashed, words)
		}
		if res, err := db.Verify(as("x"), 0); err != nil || res.Broken == nil {
			t.Errorf("rehashed %v: verify after the import record was edited: %v, broken %+v", rehashed, err, res)
		}
	}
}

func mustExport(t *testing.T, db *DB, id int64) *export.File {
	t.Helper()
	f, err := db.Export(as("Iris Importer"), id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
