package main

import (
	"strings"
	"testing"
)

// A column assay writes as JSON (an answer's value, the assessment's
// deadlines and summary, a plan edit, a subject's contacts) that holds
// something else was changed outside assay (sqlite3): every command that
// reads it says so in words, naming what, not with encoding/json's
// "invalid character 'g' looking for beginning of value"; and verify
// reports it as the audit trail broken, not as an error of its own.
func TestStoredJSONChangedOutsideAssayIsNamedInWords(t *testing.T) {
	for _, c := range []struct {
		name, plant, owner, field string
		commands                  [][]string
	}{
		{"deadlines", `UPDATE assessments SET deadlines = 'garbage'`, "assessment 1", "deadlines",
			[][]string{{"score", "1"}, {"report", "1"}, {"plan", "1"}}},
		{"answer", `UPDATE answers SET value = 'x{' WHERE question_id = 'mfa'`, "assessment 1", "answer to mfa",
			[][]string{{"score", "1"}, {"report", "1"}}},
		{"plan edit", `UPDATE plan_edits SET edit = '[1,'`, "assessment 1", "plan edit of",
			[][]string{{"plan", "1"}, {"report", "1"}}},
		{"summary", `UPDATE assessments SET summary = '{"level":'`, "assessment 1", "stored summary",
			[][]string{{"score", "1"}}},
		{"list summary", `UPDATE assessments SET list = '[1,2'`, "assessment 1", "list summary",
			[][]string{{"list"}}},
		{"contacts", `UPDATE subjects SET contacts = 'nope'`, "subject 1", "contacts",
			[][]string{{"subject", "show", "1"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newCLISession(t)
			id := s.startBuiltin("vendor-security-screen", "Acme", "2026-03-01", "mfa: no")
			s.ok("plan", id, "--item", "mfa", "--owner", "IT")
			s.plant(c.plant)
			for _, args := range append(c.commands, []string{"verify"}) {
				code, _, errOut := s.run("", args...)
				what := c.owner + "'s " + c.field
				if args[0] == "verify" {
					what = c.owner + ": its " // verify words a list summary that reads but is wrong as its "stored list summary"
				}
				if code == 0 || !strings.Contains(errOut, what) || !strings.Contains(errOut, c.field) || !strings.Contains(errOut, "changed outside assay") ||
					strings.Contains(errOut, "invalid character") || strings.Contains(errOut, "unexpected end of JSON") || strings.Contains(errOut, "cannot unmarshal") {
					t.Errorf("assay %s after %s: exit %d, stderr %q; want %q named as changed outside assay", strings.Join(args, " "), c.plant, code, errOut, what)
				}
				if args[0] == "verify" && !strings.Contains(errOut, "audit trail broken") {
					t.Errorf("assay verify after %s: %q, want the audit trail broken", c.plant, errOut)
				}
			}
		})
	}
}
