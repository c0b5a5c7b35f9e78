package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// The workspace's Compare says which side was imported, from what, by
// whom and when.
func TestCompareSaysWhichSideWasImported(t *testing.T) {
	q := &assess.Questionnaire{ID: "q", Title: "Q", Version: "1"}
	day := func(s string) assess.Date { d, _ := assess.ParseDate(s); return d }
	from := &assess.Assessment{ID: 1, Subject: "Acme", Questionnaire: q, AssessedOn: day("2025-03-01"), Status: assess.Approved,
		Imported: &assess.Imported{FileDigest: strings.Repeat("ab", 32), ExportedBy: "Ana Analyst", ExportedAt: "2025-03-02T10:00:00Z",
			By: "Iris Importer", At: time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)}}
	to := &assess.Assessment{ID: 2, Subject: "Acme", Questionnaire: q, AssessedOn: day("2026-03-01"), Status: assess.Draft}
	d := assess.Compare(assess.Evaluate(from, day("2026-03-10")), assess.Evaluate(to, day("2026-03-10")))
	text := ansi.Strip(diffText(newStyles(true), d, 200))
	want := "From #1 Acme · Q 1 · 2025-03-01 · approved · imported on 2026-02-01 by Iris Importer from an export by Ana Analyst of 2025-03-02T10:00:00Z (file SHA-256 abababababababab)\n" +
		"To   #2 Acme · Q 1 · 2026-03-01 · draft\n"
	if !strings.HasPrefix(text, want) {
		t.Errorf("Compare:\n%s\nwant it to start:\n%s", text, want)
	}
}

// An imported side whose stated exporter looks like a name known here
// ("Аna Analyst", a Cyrillic А) says so in Compare, as assay diff does.
func TestCompareSaysAStatedNameLooksLikeAKnownOne(t *testing.T) {
	q := &assess.Questionnaire{ID: "q", Title: "Q", Version: "1"}
	day := func(s string) assess.Date { d, _ := assess.ParseDate(s); return d }
	from := &assess.Assessment{ID: 1, Subject: "Acme", Questionnaire: q, AssessedOn: day("2025-03-01"), Status: assess.Approved,
		Imported: &assess.Imported{ExportedBy: "\u0410na Analyst", ExportedAt: "2025-03-02T10:00:00Z", TrustedAs: "Acme Vendor", LooksLike: "Ana Analyst",
			By: "Iris Importer", At: time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)}}
	to := &assess.Assessment{ID: 2, Subject: "Acme", Questionnaire: q, AssessedOn: day("2026-03-01"), Status: assess.Draft}
	d := assess.Compare(assess.Evaluate(from, day("2026-03-10")), assess.Evaluate(to, day("2026-03-10")))
	text := strings.Join(strings.Fields(ansi.Strip(diffText(newStyles(true), d, 400))), " ")
	if want := "by \u0410na Analyst (as the file states; it looks like Ana Analyst, a name known here, and is not that name: it mixes Cyrillic and Latin letters in one word)"; !strings.Contains(text, want) {
		t.Errorf("Compare:\n%s\nwant it to hold:\n%s", text, want)
	}
}
