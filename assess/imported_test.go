package assess_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
)

// An imported assessment's provenance reads as one line, the file's
// digest cut to the sixteen characters reports show of a digest, and
// names from the file lose what would break the line or the terminal.
func TestImportedWords(t *testing.T) {
	p := &assess.Imported{FileDigest: "0123456789abcdef" + strings.Repeat("f", 48), ExportedBy: "Ana Analyst", ExportedAt: "2026-03-01T09:00:00Z",
		By: "Iris Importer", At: time.Date(2026, 3, 2, 14, 5, 0, 0, time.UTC)}
	want := "imported on 2026-03-02 by Iris Importer from an export by Ana Analyst of 2026-03-01T09:00:00Z (file SHA-256 0123456789abcdef)"
	if got := p.Words(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	p.ExportedBy = "Ana\x1b[2J\nAnalyst"
	if got := p.Words(); strings.ContainsAny(got, "\x1b\n") {
		t.Errorf("an escape sequence or line break from the file reaches the words: %q", got)
	}
	// Imported before the file's digest was recorded: no digest to tell.
	old := &assess.Imported{ExportedBy: "Ana Analyst", ExportedAt: "2026-03-01T09:00:00Z", By: "Iris Importer", At: p.At}
	if got := old.Words(); strings.Contains(got, "SHA-256") {
		t.Errorf("an import with no digest recorded tells one: %s", got)
	}
}

// A digest altered in the database (assay verify reports the record, but
// diff and the report still read it) is cut by characters, not bytes: cut
// at byte 16, "é€€€€€…" left half a character, a raw byte the terminal
// and the report's UTF-8 writers choke on.
func TestImportedWordsCutsAnAlteredDigestByCharacters(t *testing.T) {
	p := &assess.Imported{FileDigest: "é" + strings.Repeat("€", 20), At: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}
	got := p.Words()
	if !utf8.ValidString(got) {
		t.Fatalf("the words are not valid UTF-8: %q", got)
	}
	if want := "(file SHA-256 é" + strings.Repeat("€", 15) + ")"; !strings.HasSuffix(got, want) {
		t.Errorf("got %s\nwant it to end %s", got, want)
	}
}

// An export date after the import (from a file imported before assay
// refused such files, or a clock far ahead) is not shown as the date the
// file was exported: the words say it cannot be.
func TestImportedWordsDoNotStateAnExportDateAfterTheImport(t *testing.T) {
	p := &assess.Imported{ExportedBy: "Ana Analyst", ExportedAt: "2027-12-05T09:00:00Z", By: "Iris Importer", At: time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)}
	want := "imported on 2026-12-05 by Iris Importer from an export by Ana Analyst, which gives a date after its import (2027-12-05T09:00:00Z), so not when it was exported"
	if got := p.Words(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// A few minutes ahead is two clocks, not a false date.
	p.ExportedAt = "2026-12-05T09:03:00Z"
	if got := p.Words(); !strings.HasSuffix(got, "of 2026-12-05T09:03:00Z") {
		t.Errorf("an export three minutes ahead of its import: %s", got)
	}
}
