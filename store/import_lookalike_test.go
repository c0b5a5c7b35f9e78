package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/questionnaires"
)

// A vendor whose key is trusted states, as who exported its file, a name
// drawn like one this database knows: a person in its trail (Ana
// Analyst, with a Cyrillic А), the importer, or a trusted key's name.
// The import records which name it looks like, in the hash-chained
// import record, and the provenance says so; verify still holds.
func TestImportRecordsThatTheStatedNameLooksLikeAKnownOne(t *testing.T) {
	contract(t, contractImportRecordsThatTheStatedNameLooksLikeAKnownOne)
}

func contractImportRecordsThatTheStatedNameLooksLikeAKnownOne(t *testing.T) {
	vendorKey, err := ledger.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ stated, like string }{
		{"\u0410na Analyst", "Ana Analyst"},     // in this database's trail
		{"Ir\u0456s Importer", "Iris Importer"}, // the importer
		{"Acme Vend\u043er", "Acme Vendor"},     // the name the vendor's key is trusted under
		{"Chief Auditor", ""},                   // a name that looks like none known: the file's word, as before
	} {
		vendor, q := testDB(t)
		vendor.UseKey(vendorKey)
		a := newAssessment(t, vendor, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
		f, err := vendor.Export(as("Vera Vendor"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		f.ExportedBy = tc.stated

		db, q2 := testDB(t)
		newAssessment(t, db, q2, "Other Ltd", day("2026-03-01"), nil) // Ana Analyst's, in this database's trail
		trustVendorToo(t, db, vendorKey)
		got, err := db.Import(as("Iris Importer"), roundTrip(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if got.Imported.LooksLike != tc.like {
			t.Errorf("%+q: recorded as looking like %q, want %q", tc.stated, got.Imported.LooksLike, tc.like)
		}
		words := got.Imported.Words()
		if say := "it looks like " + tc.like + ", a name known here, and is not that name"; tc.like != "" && !strings.Contains(words, say) {
			t.Errorf("%+q: provenance:\n%s\nwant it to say %s", tc.stated, words, say)
		}
		if tc.like == "" && !strings.Contains(words, "Chief Auditor (as the file states) of") {
			t.Errorf("%+q: provenance:\n%s", tc.stated, words)
		}
		if res, err := db.Verify(as("x"), 0); err != nil || res.Broken != nil {
			t.Fatalf("%+q: verify: %v %+v", tc.stated, err, res)
		}
		// The names of the file's own trail are the file's word, not
		// names known here: a file whose trail is Ana Analyst's does not
		// make her a name known here.
		again, _ := testDB(t)
		again.SetTrust(func() (*ledger.Keyring, error) { // the vendor's key alone: no name known but the importer's
			ring := &ledger.Keyring{}
			ring.Add(ledger.Trusted{Key: vendorKey.Public(), Name: "Acme Vendor"})
			return ring, nil
		})
		if tc.like == "Ana Analyst" {
			g, err := again.Import(as("Iris Importer"), roundTrip(t, f))
			if err != nil {
				t.Fatal(err)
			}
			if g.Imported.LooksLike != "" {
				t.Errorf("the file's own trail made %q a name known here", g.Imported.LooksLike)
			}
		}
	}
}

// trustVendorToo has db trust the vendor's key as Acme Vendor, besides
// the test keys (trustTestKeys).
func trustVendorToo(t *testing.T, db *DB, vendorKey *ledger.PrivateKey) {
	t.Helper()
	db.SetTrust(func() (*ledger.Keyring, error) {
		ring, err := trustTestKeys()
		ring.Add(ledger.Trusted{Key: vendorKey.Public(), Name: "Acme Vendor"})
		return ring, err
	})
}

// The names inside the file are the file's word too: who signed it off
// and who made each record. A file whose approver is "Rui Reviеwer"
// (a Cyrillic е), beside this office's Rui Reviewer, or whose answers
// were saved by "Iris lmporter" (a small L for the I), the importer,
// reads as theirs in every trail and report. The import records each
// such name with the one it looks like, in the hash-chained import
// record, and the provenance says so; names the same as known ones
// (Ana Analyst, who made both trails) are not listed.
func TestImportRecordsNamesInTheFileThatLookLikeKnownOnes(t *testing.T) {
	contract(t, contractImportRecordsNamesInTheFileThatLookLikeKnownOnes)
}

func contractImportRecordsNamesInTheFileThatLookLikeKnownOnes(t *testing.T) {
	vendorKey, err := ledger.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	fakeRui, fakeIris := "Rui Revi\u0435wer", "Iris lmporter"
	// The vendor's own file, on SQLite on either half: its names are
	// no logins on the server, which belongs to every test at once.
	vendor, err := Open(tempPath(t), questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { vendor.Close() })
	vendor = fixedClock(vendor, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	vendor.UseKey(vendorKey)
	_, q := testDB(t)
	a := newAssessment(t, vendor, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	if err := vendor.SaveAnswers(as(fakeIris), a.ID, completeAnswers()); err != nil {
		t.Fatal(err)
	}
	if _, err := vendor.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := vendor.Review(as(fakeRui), a.ID, assess.ActApprove, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	f, err := vendor.Export(as("Vera Vendor"), a.ID)
	if err != nil {
		t.Fatal(err)
	}

	db, q2 := testDB(t)
	mine := newAssessment(t, db, q2, "Other Ltd", day("2026-03-01"), completeAnswers())
	if _, err := db.Review(as("Ana Analyst"), mine.ID, assess.ActSubmit, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(as("Rui Reviewer"), mine.ID, assess.ActApprove, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	trustVendorToo(t, db, vendorKey)
	got, err := db.Import(as("Iris Importer"), roundTrip(t, f))
	if err != nil {
		t.Fatal(err)
	}
	want := []assess.NameAlike{{Name: fakeRui, Like: "Rui Reviewer"}, {Name: fakeIris, Like: "Iris Importer"}}
	if fmt.Sprint(got.Imported.Alike) != fmt.Sprint(want) {
		t.Errorf("recorded as looking like %+q, want %+q", got.Imported.Alike, want)
	}
	words := got.Imported.Words()
	for _, say := range []string{
		"names in the file that look like names known here and are not them: " + fakeRui + " (like Rui Reviewer: it mixes Latin and Cyrillic letters in one word), " + fakeIris + " (like Iris Importer)",
	} {
		if !strings.Contains(words, say) {
			t.Errorf("provenance:\n%s\nwant it to say %s", words, say)
		}
	}
	if res, err := db.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %+v", err, res)
	}
}
