package main

import (
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// mdEvil is text that tries to become Markdown structure or HTML in a
// report: a pipe and a line that is a table row, a heading and a rule
// after a line break, a script, an image with onerror, a Markdown image
// and link, a bare URL, a code span and emphasis.
const mdEvil = "x | y\n| a | b |\r\n# heading\n---\n<script>alert(1)</script> <img src=x onerror=alert(1)> " +
	"![pixel](http://evil.example/p.png) [click](javascript:alert(1)) https://evil.example `code` *em* _u_"

// formulaEvil is text a spreadsheet would run.
var formulaEvil = []string{"=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"}

// Text from users and from shared questionnaires never becomes Markdown
// structure or HTML in the committee report, never a formula in the CSV
// plan, and never anything but data in the JSON files: subject, notes,
// evidence, free text, plan owner, action, reason, milestones, acceptance,
// sign-off and DPO comments, and the questionnaire's title, section,
// question, help, action and option label.
func TestExportsDefuseInjection(t *testing.T) {
	s := newCLISession(t)
	q := []string{"--questionnaires", hostileQuestionnaireWith(t, mdEvil, "privacy")}
	must := func(args ...string) string {
		t.Helper()
		return strings.TrimSpace(s.ok(append(append([]string{}, q...), args...)...))
	}
	// Names are one line; on one line, the same text.
	mdEvilName := strings.Join(strings.Fields(mdEvil), " ")
	id := must("new", "-q", "hostile", "-s", mdEvilName, "--date", "2026-01-10")
	must("answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n"+
		"  mfa: {answer: no, note: "+quote(mdEvil)+", evidence: ["+quote(mdEvil)+", "+quote(formulaEvil[0])+"]}\n"+
		"  encryption: {answer: partial, note: "+quote(formulaEvil[1])+"}\n"+
		"  data-types: [financial]\n"+
		"  contact: "+quote(mdEvil)+"\n"))
	for i, f := range formulaEvil {
		item := []string{"mfa", "encryption", "data-types"}[i%3]
		must("plan", id, "--item", item, "--owner", f, "--action", f+" "+mdEvil, "--due", "2026-09-30", "--reason", f,
			"--milestone", "2026-03-01 "+f, "--as-of", "2026-01-11")
	}
	restore := recordedOnDay(t, "2026-01-11") // the acceptance is given, and recorded, on the day --as-of names
	must("plan", id, "--item", "encryption", "--accept-approver", formulaEvil[3], "--accept-reason", mdEvil, "--accept-expires", "2026-12-31", "--as-of", "2026-01-11")
	restore()
	must("--reviewer", mdEvilName, "review", id, "--submit", "--comment", mdEvil, "--date", "2026-01-12")
	must("dpo", id, "--opinion", "unfavourable", "--comment", mdEvil, "--date", "2026-01-13")

	md := must("report", id, "--as-of", "2026-02-01")
	checkTables(t, "report", md)
	checkNoHTML(t, "report", md)
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`<(script|img|/)`),                     // a tag
		regexp.MustCompile(`(^|[^\\])!\[`),                        // an image
		regexp.MustCompile(`(^|[^\\])\]\(`),                       // a link
		regexp.MustCompile(`[^\\` + "`" + `]https?://evil`),       // an autolink
		regexp.MustCompile(`(?m)^[ \t]*(# heading|-{3,}[ \t]*$)`), // a heading or rule from a user's line break
	} {
		if m := bad.FindString(md); m != "" {
			t.Errorf("report has %q (%s)", m, bad)
		}
	}
	if h := terminalHazard(md); h != "" {
		t.Errorf("report has %s", h)
	}
	// The text is there, escaped, not dropped.
	if n := strings.Count(md, `x \| y`); n < 10 {
		t.Errorf("the hostile text appears %d times; expected it in many places", n)
	}

	for _, out := range []string{must("plan", id, "--csv", "--as-of", "2026-02-01"), must("report", id, "--format", "csv", "--as-of", "2026-02-01")} {
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatalf("CSV does not parse: %v", err)
		}
		if len(rows) < 4 {
			t.Fatalf("CSV has %d rows", len(rows))
		}
		seen := 0
		for _, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("CSV cell a spreadsheet would run: %q", cell)
				}
				if strings.HasPrefix(cell, "'") {
					seen++
				}
			}
		}
		if seen < len(formulaEvil) {
			t.Errorf("only %d cells defused; the formulas were dropped rather than kept as text?", seen)
		}
	}

	for _, args := range [][]string{{"report", id, "--format", "oscal-poam"}, {"export", id}, {"score", id, "--json"}} {
		out := must(args...)
		if !json.Valid([]byte(out)) {
			t.Errorf("%s: not valid JSON", args[0])
		}
		if h := terminalHazard(out); h != "" {
			t.Errorf("%s: %s", args[0], h)
		}
	}
}

// A vendor answers file written by assay send keeps every line of a
// questionnaire's text inside a comment: text with line breaks and YAML
// cannot add answers, and the unfilled file records nothing.
func TestSendFileCannotBeInjected(t *testing.T) {
	s := newCLISession(t)
	inject := "Q?\nanswers:\n  mfa: yes\n  policy: {answer: yes}\n# "
	dir := hostileQuestionnaireWith(t, inject, "security")
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "hostile", "-s", "Q?", "--date", "2026-01-10"))
	s.plantSubject(id, inject) // as an older assay stored names
	sent := s.ok("--questionnaires", dir, "send", id)
	for n, line := range strings.Split(sent, "\n") {
		if strings.Contains(line, "mfa: yes") && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			t.Errorf("line %d of the sent file is injected YAML: %q", n+1, line)
		}
	}
	out := s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "sent.yaml", sent))
	if !strings.HasPrefix(out, "recorded 0 answers") {
		t.Errorf("the unfilled file recorded answers: %s", out)
	}
}
