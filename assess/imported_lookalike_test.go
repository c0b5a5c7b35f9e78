package assess_test

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// A vendor whose key is trusted here states "Аna Analyst" (a Cyrillic А)
// as who exported the file; shown, it reads as the analyst of this
// office. The provenance says the name looks like a name known here and
// is not it, and why, wherever the words are shown (assay diff, the
// workspace's Compare, the report).
func TestImportedWordsSayAStatedNameLooksLikeAKnownOne(t *testing.T) {
	at := time.Date(2026, 3, 2, 14, 5, 0, 0, time.UTC)
	p := &assess.Imported{ExportedBy: "\u0410na Analyst", ExportedAt: "2026-03-01T09:00:00Z", By: "Iris Importer", At: at,
		TrustedAs: "Acme Vendor", LooksLike: "Ana Analyst"}
	want := "from an export by \u0410na Analyst (as the file states; it looks like Ana Analyst, a name known here, and is not that name: it mixes Cyrillic and Latin letters in one word) of 2026-03-01T09:00:00Z, signed with the key trusted here as Acme Vendor"
	if got := p.Words(); !strings.Contains(got, want) {
		t.Errorf("got  %s\nwant it to hold %s", got, want)
	}
	// Signed with the importer's own key the exporter's name is not held
	// to a key's; a look-alike is still said.
	own := &assess.Imported{ExportedBy: "\u0410na Analyst", By: "Iris Importer", At: at, OwnKey: true, LooksLike: "Ana Analyst"}
	if got := own.Words(); !strings.Contains(got, "by \u0410na Analyst (as the file states; it looks like Ana Analyst, a name known here, and is not that name: it mixes") {
		t.Errorf("own key: %s", got)
	}
	// A name with a character that shows as nothing is shown without it
	// (safetext.OneLine): the words say it held one, recorded or not
	// that it looked like a known name (imports before this was recorded).
	hidden := &assess.Imported{ExportedBy: "Ana\u200bAnalyst", By: "Iris Importer", At: at, TrustedAs: "Acme Vendor"}
	if got, want := hidden.Words(), "by AnaAnalyst (as the file states; it holds a character that shows as nothing (U+200B))"; !strings.Contains(got, want) {
		t.Errorf("got  %s\nwant it to hold %s", got, want)
	}
	// The key's own name, plainly written: nothing to say.
	plain := &assess.Imported{ExportedBy: "Acme Vendor", By: "Iris Importer", At: at, TrustedAs: "Acme Vendor"}
	if got := plain.Words(); strings.Contains(got, "(as the file states") {
		t.Errorf("the key's own name is marked: %s", got)
	}
}
