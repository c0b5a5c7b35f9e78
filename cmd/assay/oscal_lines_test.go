package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// OSCAL titles are markup-line, and property values and versions strings,
// which NIST's schema allows on one line only. A milestone keeps the line
// breaks typed into it, and a hand-written questionnaire or catalog may
// give a version, a section title, a control's ID or name over two lines:
// both OSCAL documents still validate, and each reads the text on one line.
func TestOSCALTitlesOnOneLine(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "catalogs"), 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "catalogs"), "two-lines.yaml", "catalog: two-lines\ntitle: \"Two\\nlines\"\n"+
		"controls:\n  - {id: c-1, name: \"Control\\none\", group: \"Group\\none\"}\n  - {id: \"c\\n2\", name: Two}\n")
	writeFile(t, dir, "mapped.yaml", "id: mapped\nversion: \"1 \\n2\"\ntitle: Mapped\nkind: security\nsections:\n  - id: s\n    title: \"Section\\none \"\n    questions:\n"+
		"      - {id: accounts, type: control, text: Are accounts reviewed?, severity: high, action: Review accounts., controls: {two-lines: [c-1, \"c\\n2\"]}}\n")
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "mapped", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  accounts: no\n"))
	s.ok("--questionnaires", dir, "plan", id, "--item", "accounts", "--milestone", "2026-03-15 Admins\nthen everyone")

	sch := oscalSchema(t)
	for _, format := range []string{"oscal-poam", "oscal-assessment-results"} {
		out := s.ok("--questionnaires", dir, "report", id, "--format", format, "--as-of", "2026-02-01")
		if !strings.Contains(out, `"title": "Admins then everyone"`) {
			t.Errorf("%s: the milestone's task is not titled on one line", format)
		}
		for _, want := range []string{`"value": "Section one"`, `"value": "c 2"`, `"value": "1 2"`} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %s", format, want)
			}
		}
		validOSCAL(t, sch, out)
	}
}

// A hand-written catalog may number its controls (5.1, as ISO standards
// do) or put a space in an ID, which OSCAL's token type for control IDs
// does not allow. The assessment results left such controls out, and then
// said the questionnaire mapped to no control at all. Each is there, under
// a token made of its ID, with the ID itself as a property.
func TestOSCALResultsKeepNumberedControls(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "catalogs"), 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "catalogs"), "numbered.yaml", "catalog: numbered\ntitle: Numbered\n"+
		"controls:\n  - {id: \"5.1\", name: Policies}\n  - {id: \"A 8\", name: Assets}\n")
	writeFile(t, dir, "mapped.yaml", "id: mapped\nversion: \"1\"\ntitle: Mapped\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n"+
		"      - {id: policy, type: control, text: Is there a policy?, controls: {numbered: [\"5.1\", \"A 8\"]}}\n")
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "mapped", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  policy: no\n"))
	out := s.ok("--questionnaires", dir, "report", id, "--format", "oscal-assessment-results", "--as-of", "2026-02-01")
	for _, want := range []string{`"target-id": "_5.1"`, `"target-id": "A_8"`, `"control-id": "_5.1"`, `"value": "5.1"`, `"value": "A 8"`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s", want)
		}
	}
	if strings.Contains(out, "maps its questions to no framework control") {
		t.Error("the results say the questionnaire maps to no control")
	}
	validOSCAL(t, oscalSchema(t), out)
}

// OSCAL's remarks and descriptions are markup-multiline, Markdown, in
// which lines parted by one line break are one paragraph: a note typed on
// three lines read as one run-on sentence in an OSCAL viewer. Each line
// typed is a paragraph of its own (what markup-multiline surely keeps),
// and a line that would open a heading, a list, a quote or code is still
// text, escaped. Worked out by hand from the note and the answer as typed.
func TestOSCALKeepsTheLinesOfANote(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	writeFile(t, dir, "lines.yaml", "id: lines\nversion: \"1\"\ntitle: Lines\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n"+
		"      - {id: accounts, type: control, text: Are accounts reviewed?, severity: high, action: Review accounts.}\n"+
		"      - {id: how, type: text, text: How are they reviewed?}\n")
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "lines", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n"+
		"  accounts:\n    answer: \"no\"\n    note: \"Asked the admin\\n# twice\\n\\n\\n- in writing\\n1. and `logged`\\n> quoted\"\n"+
		"  how: \"Quarterly\\n  by the owner\"\n"))
	want := map[string]string{
		"accounts": "Answer: No\n\nNote: Asked the admin\n\n\\# twice\n\n\\- in writing\n\n1\\. and \\`logged\\`\n\n&gt; quoted",
		"how":      "Answer: Quarterly\n\nby the owner",
	}
	sch := oscalSchema(t)
	for _, format := range []string{"oscal-poam", "oscal-assessment-results"} {
		out := s.ok("--questionnaires", dir, "report", id, "--format", format, "--as-of", "2026-02-01")
		validOSCAL(t, sch, out)
		var doc any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		found := map[string]string{}
		eachObservation(doc, func(o map[string]any) {
			title, _ := o["title"].(string)
			remarks, _ := o["remarks"].(string)
			found[strings.TrimPrefix(title, "Answer to ")] = remarks
		})
		for key, remarks := range want {
			if key == "how" && format == "oscal-poam" {
				continue // no finding, so not in the plan
			}
			if found[key] != remarks {
				t.Errorf("%s: the observation of %s says\n%q\nwant\n%q", format, key, found[key], remarks)
			}
		}
	}
}

// eachObservation calls f with every observation in an OSCAL document.
func eachObservation(v any, f func(map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if list, ok := val.([]any); ok && k == "observations" {
				for _, o := range list {
					if m, ok := o.(map[string]any); ok {
						f(m)
					}
				}
				continue
			}
			eachObservation(val, f)
		}
	case []any:
		for _, val := range x {
			eachObservation(val, f)
		}
	}
}
