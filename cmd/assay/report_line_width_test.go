package main

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// md013Width is a line's length as markdownlint's MD013 measures it: in
// UTF-16 code units, so an emoji or a rare Chinese character beyond the
// Basic Multilingual Plane counts two.
func md013Width(line string) int { return len(utf16.Encode([]rune(line))) }

// checkLineLengths fails on every line markdownlint's MD013 would reject
// with the report's own configuration (80 characters, tables and headings
// exempt): a line longer than 80 with a space beyond the 80th unit. (A
// single word longer than the line is allowed.)
func checkLineLengths(t *testing.T, name, md string) {
	t.Helper()
	for n, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "|") || strings.HasPrefix(line, "#") || md013Width(line) <= 80 {
			continue
		}
		if beyond := string(utf16.Decode(utf16.Encode([]rune(line))[80:])); strings.ContainsAny(beyond, " \t") {
			t.Errorf("%s:%d: %d units long: %s", name, n+1, md013Width(line), line)
		}
	}
}

// The Markdown report passes markdownlint's line length rule whatever the
// text: a subject whose ampersands and angle brackets grow when escaped
// makes a title the report's configuration exempts, as headings cannot
// wrap, with the whole name in it and on the Subject line, and notes with emoji or characters beyond the Basic
// Multilingual Plane wrap by markdownlint's count, not by characters.
func TestReportLinesFitMarkdownlint(t *testing.T) {
	s := newCLISession(t)
	subject := "Procter & Gamble & Johnson & Johnson <EU> & Smith & Sons Consumer Health GmbH & Co. KG"
	id := s.start("scoring-basics", subject, "2026-01-10",
		`mfa: {answer: no, note: "Family 👩‍👩‍👧‍👦 team 🏳️‍🌈 rollout 👍🏽 for 🇪🇺 staff, names 𠜎𠜱𠝹 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 signs in every login screen of the vendor's admin console and more words after that"}`)
	md := s.ok("--questionnaires", testdataQuestionnaires, "report", id, "--as-of", "2026-02-01")
	checkLineLengths(t, "report", md)
	if !strings.Contains(md, "**Subject:** Procter &amp; Gamble") || !strings.Contains(md, "Co. KG") {
		t.Error("the Subject line does not carry the whole name")
	}
	if title := markdownTitle(md); !strings.HasSuffix(title, "Co. KG") {
		t.Errorf("the title does not carry the whole name: %s", title)
	}
	if !strings.Contains(md, `"headings":false`) {
		t.Error("the report's markdownlint configuration does not exempt its headings, which cannot wrap")
	}
	if !strings.Contains(md, "👩‍👩‍👧‍👦") || !strings.Contains(md, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢") {
		t.Error("the note lost its characters")
	}
}
