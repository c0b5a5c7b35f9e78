package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/ledger"
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
