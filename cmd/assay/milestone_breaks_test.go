package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A milestone title is one line wherever it shows, its line breaks read
// as spaces (safetext.OneLine). A break typed as a vertical tab (Word's
// line break, Shift+Enter, pasted), a form feed or a NEL was dropped as
// a control character instead, so "Order keys" and "Ship them" ran
// into "Order keysShip them" in assay plan and in the report. Each now
// counts as the line break it is, here as in every note kept in lines
// (safetext.Lines).
func TestMilestoneTitleBreaksReadAsSpaces(t *testing.T) {
	s := newCLISession(t)
	id := s.worstCase("vendor-security-screen")
	for i, br := range []string{"\n", "\v", "\f", "\u0085", "\r"} {
		s.ok("plan", id, "--item", "mfa", "--milestone", "Order keys"+br+"Ship them "+string(rune('A'+i)))
	}
	listing := s.ok("plan", id)
	out := filepath.Join(t.TempDir(), "report.md")
	s.ok("report", id, "-o", out)
	md, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for i, br := range []string{`\n`, `\v`, `\f`, `NEL`, `\r`} {
		want := "Order keys Ship them " + string(rune('A'+i))
		if !strings.Contains(listing, want) {
			t.Errorf("assay plan: a title broken by %s does not read %q:\n%s", br, want, listing)
		}
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown report: a title broken by %s does not read %q", br, want)
		}
	}
}
