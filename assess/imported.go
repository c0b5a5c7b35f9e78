package assess

import (
	"time"

	"github.com/assay-dev/assay/assess/safetext"
)

// Imported is an imported assessment's provenance, as its import audit
// record states it: the export file it was read from (its SHA-256), the
// origin the file states (who exported it, and when), and who imported
// it here, and when. The record is part of the assessment's hash chain,
// so assay verify holds it to what was recorded at import.
type Imported struct {
	FileDigest string    // SHA-256 of the export file, hex; "" when imported before it was recorded
	ExportedBy string    // as the file states it
	ExportedAt string    // as the file states it (RFC 3339)
	By         string    // who imported it
	At         time.Time // when
}

// ClockSkew is how far apart two computers' clocks may be before a time
// one of them wrote is taken by the other as not yet come: NTP keeps
// clocks well within it; a clock set a day or a year wrong is far outside.
const ClockSkew = 5 * time.Minute

// exportedAfterImport reports an export date later than the import
// (beyond ClockSkew): the file's date is not signed, and import refuses
// such a file now, but one imported before it did still says so.
func (i *Imported) exportedAfterImport() bool {
	t, err := time.Parse(time.RFC3339Nano, i.ExportedAt)
	return err == nil && !i.At.IsZero() && t.After(i.At.Add(ClockSkew))
}

// Words is the provenance as people read it: "imported on 2026-03-02 by
// Iris Importer from an export by Ana Analyst of 2026-03-01T09:00:00Z
// (file SHA-256 0123456789abcdef)". Every part comes from the file or the
// trail, and reaches readers on one line.
func (i *Imported) Words() string {
	s := "imported on " + i.At.UTC().Format(time.DateOnly)
	if i.By != "" {
		s += " by " + safetext.OneLine(i.By)
	}
	s += " from an export"
	if i.ExportedBy != "" {
		s += " by " + safetext.OneLine(i.ExportedBy)
	}
	switch {
	case i.exportedAfterImport():
		s += ", which gives a date after its import (" + safetext.OneLine(i.ExportedAt) + "), so not when it was exported"
	case i.ExportedAt != "":
		s += " of " + safetext.OneLine(i.ExportedAt)
	}
	if i.FileDigest != "" {
		// By characters: a digest altered in the database may hold
		// anything, and half a character is a raw byte in the output.
		d := []rune(safetext.OneLine(i.FileDigest))
		if len(d) > 16 {
			d = d[:16]
		}
		s += " (file SHA-256 " + string(d) + ")"
	}
	return s
}
