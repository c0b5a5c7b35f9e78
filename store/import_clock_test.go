package store

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess/export"
)

// testdata/import-clock-behind.sql is the dump (sqlite3 .dump) of a
// database written by assay before signing (commit 7ad5f00, schema 004):
// Sam Ortiz imported there a vendor screen Dana Reyes exported from
// another database, on a computer whose clock was two hours behind hers.
// The import keeps the file's creation and update times and appends its
// import record at the importing computer's time, so the trail's last
// record is earlier than the update time. That is an intact database:
// the old assay's verify passed it.
func TestAnImportOnAComputerWhoseClockIsBehindVerifies(t *testing.T) {
	db := tamperOpen(t, fromDump(t, "import-clock-behind.sql"))
	// Sam signs and exports it half an hour after his import, by his
	// clock: before the time of Dana's last record. Her records were
	// written on her clock, which his export is not held to.
	samsClock := time.Date(2026, 12, 5, 6, 30, 0, 0, time.UTC)
	db.Now = func() time.Time { return samsClock }
	if _, err := db.RegisterKey(as("Sam Ortiz")); err != nil {
		t.Fatal(err)
	}
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken != nil || res.Records != 5 { // 4 of the assessment, 1 of its subject
		t.Fatalf("verify: %v, %d records, %v", res.Broken, res.Records, err)
	}
	// Its export imports elsewhere: import holds an export's times to
	// its trail by the same rule.
	f, err := db.Export(as("Auditor"), 1)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	b, err := export.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if f, err = export.Unmarshal("acme.json", b); err != nil {
		t.Fatal(err)
	}
	third := tamperOpen(t, tempPath(t))
	third.Now = func() time.Time { return samsClock.Add(time.Hour) }
	if _, err := third.Import(as("Iris Importer"), f); err != nil {
		t.Fatalf("import of its export: %v", err)
	}
	// An update time later than every record of the trail is still
	// named: no write stamps its row after the records it appends.
	if _, err := db.sql.Exec(`UPDATE assessments SET updated_at = '2026-12-05T08:00:00Z' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	res, err = db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken == nil || !strings.Contains(res.Broken.Error(),
		"the assessment's time of last change (2026-12-05T08:00:00Z) is after its latest audit record (2026-12-05T07:59:16.484396247Z)") {
		t.Fatalf("update time moved past the trail: %v %v", res.Broken, err)
	}
}
