package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess/export"
)

// An export's date is not signed: whoever holds the file can write any
// exported_at, and the report's "Provenance:" line and the workspace's
// Compare show it. A date after the importing computer's clock (beyond a
// few minutes of skew), or before the records the file carries, is not
// when the file was exported: import refuses it, naming the field, and
// stores nothing.
func TestImportRefusesAnExportDatedInTheFuture(t *testing.T) {
	contract(t, contractImportRefusesAnExportDatedInTheFuture)
}

func contractImportRefusesAnExportDatedInTheFuture(t *testing.T) {
	seed := importSeed(t)
	db := openOther(t)
	before := rowCounts(t, db)
	read := func(change func(f *export.File)) []byte {
		f, err := export.Unmarshal("acme.json", seed)
		if err != nil {
			t.Fatal(err)
		}
		change(f)
		b, err := export.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	stamp := func(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
	t.Run("exported next year", func(t *testing.T) {
		b := read(func(f *export.File) { f.ExportedAt = stamp(time.Now().AddDate(1, 0, 0)) })
		checkImportRefused(t, db, before, b, "exported_at")
	})
	t.Run("exported an hour before its own records", func(t *testing.T) {
		b := read(func(f *export.File) {
			first, err := time.Parse(time.RFC3339Nano, f.Events[0].At)
			if err != nil {
				t.Fatal(err)
			}
			f.ExportedAt = stamp(first.Add(-time.Hour))
		})
		checkImportRefused(t, db, before, b, "exported_at")
	})
	t.Run("a whole file written a year ahead of this computer's clock", func(t *testing.T) {
		behind := openAt(t, tempPath(t))
		behind.Now = func() time.Time { return time.Now().AddDate(-1, 0, 0) }
		checkImportRefused(t, behind, rowCounts(t, behind), seed, "exported_at")
	})
	// Clocks a minute or two apart are normal; such a file imports.
	ahead := read(func(f *export.File) { f.ExportedAt = stamp(time.Now().Add(2 * time.Minute)) })
	f, err := export.Unmarshal("acme.json", ahead)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(as("Iris Importer"), f); err != nil {
		t.Fatalf("an export two minutes ahead of this clock: %v", err)
	}
}
