package assess

import (
	"strings"
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
	// TrustedAs is the name the importer trusted the file's signing key
	// under; OwnKey says it was the importer's own key. Neither was
	// recorded before 2026-12-05 (then "" and false).
	TrustedAs string
	OwnKey    bool
	// LooksLike is the name known here (a trusted key's, someone's in
	// this database's trail, the importer's) that ExportedBy is drawn
	// like and is not (LooksLike): "Аna Analyst" with a Cyrillic А for
	// Ana Analyst. Not recorded before 2026-12-06.
	LooksLike string
	// Alike are the other names in the file (who signed it off, who made
	// its records) drawn like a name known here and not it, each with
	// the name it looks like. Not recorded before 2026-12-06.
	Alike []NameAlike
	// Altered says the import record no longer matches its hash or its
	// place in the chain: it was changed after the import, and none of
	// the above is what was recorded (assay verify names the record).
	Altered bool
}

// NameAlike is a name a file states, and the name known here it is
// drawn like and is not (LooksLike).
type NameAlike struct {
	Name string `json:"name"`
	Like string `json:"looks_like"`
}

// alikeWords lists the file's names drawn like names known here, to end
// Words: "Rui Revieԝer (like Rui Reviewer: it mixes …)".
func (i *Imported) alikeWords() string {
	if len(i.Alike) == 0 {
		return ""
	}
	var each []string
	for _, n := range i.Alike {
		w := safetext.OneLine(n.Name) + " (like " + safetext.OneLine(n.Like)
		if why := LikenessWhy(n.Name, n.Like); why != "" {
			w += ": " + why
		}
		each = append(each, w+")")
	}
	return "; names in the file that look like names known here and are not them: " + strings.Join(each, ", ")
}

// statedNameDoubts is what follows the exporter's name in Words: that
// it is the file's word when it is not the name of the key that signed
// it, or looks like a name known here, or is not what it shows.
func (i *Imported) statedNameDoubts() string {
	var doubts []string
	if i.LooksLike != "" {
		d := "it looks like " + safetext.OneLine(i.LooksLike) + ", a name known here, and is not that name"
		if why := NameDoubt(i.ExportedBy); why != "" {
			d += ": " + why
		}
		doubts = append(doubts, d)
	} else if why := NameDoubt(i.ExportedBy); why != "" {
		doubts = append(doubts, why)
	}
	if len(doubts) == 0 && (i.TrustedAs == "" || NameKey(i.ExportedBy) == NameKey(i.TrustedAs)) {
		return ""
	}
	return " (" + strings.Join(append([]string{"as the file states"}, doubts...), "; ") + ")"
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
// (file SHA-256 0123456789abcdef)", with whose trusted key signed the file
// once that was recorded. Every part comes from the file or the trail, and
// reaches readers on one line; an exporter's name that is not the name
// its key is trusted under is marked as the file's word.
func (i *Imported) Words() string {
	if i.Altered {
		return "imported, but its import record was changed after the import, so where it came from is not shown (assay verify names the record)"
	}
	s := "imported on " + i.At.UTC().Format(time.DateOnly)
	if i.By != "" {
		s += " by " + safetext.OneLine(i.By)
	}
	s += " from an export"
	if i.ExportedBy != "" {
		s += " by " + safetext.OneLine(i.ExportedBy) + i.statedNameDoubts()
	}
	switch {
	case i.exportedAfterImport():
		s += ", which gives a date after its import (" + safetext.OneLine(i.ExportedAt) + "), so not when it was exported"
	case i.ExportedAt != "":
		s += " of " + safetext.OneLine(i.ExportedAt)
	}
	switch {
	case i.OwnKey:
		s += ", signed with the importer's own key"
	case i.TrustedAs != "":
		s += ", signed with the key trusted here as " + safetext.OneLine(i.TrustedAs)
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
	return s + i.alikeWords()
}
