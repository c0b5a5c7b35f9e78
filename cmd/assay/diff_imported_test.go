package main

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/testfixture"
)

// assay diff says which side was imported, from what, by whom and when.
func TestDiffSaysWhichSideWasImported(t *testing.T) {
	d := testfixture.RenamedComparison(t)
	d.From.Assessment.Imported = &assess.Imported{FileDigest: strings.Repeat("ab", 32), ExportedBy: "Ana Analyst", ExportedAt: "2025-03-02T10:00:00Z",
		By: "Iris Importer", At: time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)}
	var b strings.Builder
	writeDiff(&b, d)
	want := "From assessment 1: Acme, renamed-controls 1.0.0, 2025-03-01, approved, imported on 2026-02-01 by Iris Importer " +
		"from an export by Ana Analyst of 2025-03-02T10:00:00Z (file SHA-256 abababababababab)\n" +
		"To   assessment 2: Acme, renamed-controls 2.0.0, 2026-03-01, draft\n"
	if out := b.String(); !strings.HasPrefix(out, want) {
		t.Errorf("assay diff:\n%s\nwant it to start:\n%s", out, want)
	}
}
