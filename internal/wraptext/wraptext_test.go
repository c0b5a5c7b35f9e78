package wraptext

import (
	"strings"
	"testing"
)

// Wrapping breaks at spaces, never inside a date or an ID with hyphens,
// and breaks a word only when it is longer than a line.
func TestWrapKeepsHyphenatedWordsWhole(t *testing.T) {
	got := Wrap("From #1 Payroll system · Every question type 1.0.0 · 2026-03-31 · draft", 58)
	if want := "From #1 Payroll system · Every question type 1.0.0 ·\n2026-03-31 · draft"; got != want {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
	got = Wrap("see transfer-safeguards and averyveryverylongwordthatcannotfit", 20)
	for _, l := range strings.Split(got, "\n") {
		if len([]rune(l)) > 20 {
			t.Errorf("line %q is longer than 20", l)
		}
	}
	if !strings.Contains(got, "transfer-safeguards") {
		t.Errorf("the ID was broken: %q", got)
	}
	// A non-breaking hyphen of the text's own stays what it was.
	if got := Wrap("a\u2011b c", 3); !strings.Contains(got, "a\u2011b") {
		t.Errorf("the text's own non-breaking hyphen changed: %q", got)
	}
}

// A row of columns too wide for the width wraps its last column under
// that column; with too little room beside the columns it reads as text
// wrapped under its indentation. A row that fits is kept as it is.
func TestRowWrapsItsLastColumn(t *testing.T) {
	row := "  mfa        0 of 2    Yes, in place: 0 points × weight 1"
	if got := Row(row, 80); len(got) != 1 || got[0] != row {
		t.Errorf("a row that fits: %q", got)
	}
	want := []string{
		"  mfa        0 of 2    Yes, in place: 0",
		"                       points × weight 1",
	}
	if got := Row(row, 44); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Row at 44:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	want = []string{
		"  mfa  0 of 2  Yes, in place: 0",
		"    points × weight 1",
	}
	if got := Row(row, 34); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Row at 34:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A word longer than the line was cut at its edge, leaving its comma to
// begin the next line ("Vulnerabilities" then ", development"). A word of
// letters is broken with a hyphen and keeps three letters for the next
// line; a path is broken without a hyphen, which would read as its own.
func TestWrapBreaksALongWordSensibly(t *testing.T) {
	for _, c := range []struct {
		text  string
		width int
		want  string
	}{
		{"Vulnerabilities, development and monitoring", 15, "Vulnerabilit-\nies,\ndevelopment and\nmonitoring"},
		{"a Vulnerabilities, development", 14, "a\nVulnerabilit-\nies,\ndevelopment"},
		{"averyveryverylongword", 10, "averyvery-\nverylongw-\nord"},
		{"see /srv/data/exports/q1.csv, then", 12, "see\n/srv/data/ex\nports/q1.\ncsv, then"},
	} {
		if got := Wrap(c.text, c.width); got != c.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
