package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/internal/testfixture"
)

// The workspace's Compare tells a question the later questionnaire
// renamed (replaces) under its new ID and the old, last year's answer
// beside this year's: questionnaires/testdata/renamed/controls-v1.yaml's
// breach-notice, Partly, is controls-v2.yaml's incident-notice, No.
func TestCompareTellsARenamedQuestion(t *testing.T) {
	d := testfixture.RenamedComparison(t)
	text := ansi.Strip(diffText(newStyles(true), d, 120))
	for _, want := range []string{
		"• incident-notice (renamed from breach-notice) · Must the vendor notify us of incidents within 72 hours?",
		"answer    Partly → No",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Compare:\n%s\nwant it to hold %q", text, want)
		}
	}
	if strings.Contains(text, "• breach-notice") {
		t.Errorf("breach-notice is told as a question of its own:\n%s", text)
	}
}
