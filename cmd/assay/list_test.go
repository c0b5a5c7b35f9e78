package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// assay list prints aligned columns as it always has (text/tabwriter's
// layout: each column as wide as its widest cell, counted in characters,
// and two spaces), now streamed from the store; --json is one array,
// indented as every JSON output is.
func TestListLayout(t *testing.T) {
	s := newCLISession(t)
	s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.start("vendor-tiering", "Ünïcode Café", "2026-03-02", "mfa: yes")
	s.start("vendor-tiering", "Initech", "2026-03-03", "")
	s.plant(`UPDATE assessments SET archived = 1 WHERE id = 3`)
	got := s.ok("list", "--all", "--as-of", "2026-12-31")
	// Most recently changed first: 3, 2, 1. Widths: ID 2, SUBJECT 14
	// (Acme Cloud Ltd; Ünïcode Café is 12 characters in 15 bytes),
	// QUESTIONNAIRE 14, STATUS 16 ("draft (archived)"), PROGRESS 8,
	// LEVEL 13 ("not rated yet": answers to come could still change the
	// level of the two barely answered), OPEN 4; each plus two spaces.
	want := strings.Join([]string{
		"ID  SUBJECT         QUESTIONNAIRE   STATUS            PROGRESS  LEVEL          OPEN  OVERDUE",
		"3   Initech         vendor-tiering  draft (archived)  0/7       not rated yet  0     0",
		"2   Ünïcode Café    vendor-tiering  draft             1/7       not rated yet  0     0",
		"1   Acme Cloud Ltd  vendor-tiering  draft             7/7       low            2     2",
		"",
	}, "\n")
	if got != want {
		t.Errorf("assay list:\n%s\nwant:\n%s", got, want)
	}
	if got := s.ok("list", "--all", "--json", "--as-of", "2026-12-31"); !json.Valid([]byte(got)) || !strings.HasPrefix(got, "[\n  {\n    \"id\": 3,") || !strings.HasSuffix(got, "  }\n]\n") {
		t.Errorf("assay list --json:\n%s", got)
	} else {
		var rows []map[string]any
		json.Unmarshal([]byte(got), &rows)
		if len(rows) != 3 || rows[2]["subject"] != "Acme Cloud Ltd" || rows[2]["overdue_items"] != 2.0 || rows[0]["archived"] != true {
			t.Errorf("assay list --json rows: %v", rows)
		}
	}
	// A row without its list summary (written outside assay) is read from
	// its full summary, which the widths do not bound: its cells still
	// stand apart.
	s.plant(`UPDATE assessments SET list = '' WHERE id = 2`)
	s.plant(`UPDATE assessments SET list = '' WHERE id = 3`)
	s.plant(`UPDATE assessments SET list = '[7,7,1,2,0,3,"low","Low",' || substr(list, instr(list, '"assay-scoring')) WHERE id = 1`)
	got = s.ok("list", "--all", "--as-of", "2026-12-31")
	if !strings.Contains(got, "0/7       not rated yet 0     0\n") || !strings.Contains(got, "7/7       low    2     2\n") {
		t.Errorf("assay list with rows the widths do not bound:\n%s", got)
	}

	empty := newCLISession(t)
	empty.openStore().Close() // a database with no assessments
	if got := empty.ok("list", "--json"); got != "[]\n" {
		t.Errorf("an empty list in JSON: %q", got)
	}
	if got := empty.ok("list"); got != "ID  SUBJECT  QUESTIONNAIRE  STATUS  PROGRESS  LEVEL  OPEN  OVERDUE\n" {
		t.Errorf("an empty list: %q", got)
	}
}
