package assess_test

import (
	"strings"
	"testing"
	"time"

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
