package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// emptyFieldFile has a field of each kind, each written with a value;
// a case empties one.
const emptyFieldFile = `id: t
version: "1"
title: T
kind: privacy
description: A test.
sections:
  - id: s
    title: S
    help: Read this.
    questions:
      - id: area
        type: single
        dimension: none
        text: What does the system decide?
        options: [content, credit]
      - id: accuracy
        type: control
        severity: high
        severity_when: {when: "area == 'content'", severity: medium, reason: R}
        replaces: [measured]
        weight: 2
        when: answered(area)
        help: Targets agreed with the business.
        text: Is accuracy measured against agreed targets?
        action: Measure accuracy against agreed targets.
`

// A field written with nothing after it (severity_when:, or ~, or null)
// loaded as if it were not there: an author who left severity_when: or
// replaces: empty, meaning to fill it in, got a file that loaded and did
// none of it, and said nothing. A field given is now given a value: an
// empty one is refused at its line, naming the field and that it is
// empty, and only that (not also that a required field is missing).
func TestEmptyFieldIsRefused(t *testing.T) {
	const q = "sections[s].questions[accuracy]"
	empty := func(line, as string) string {
		if !strings.Contains(emptyFieldFile, line) {
			t.Fatalf("emptyFieldFile has no %q", line)
		}
		key, _, _ := strings.Cut(line, ":")
		return strings.Replace(emptyFieldFile, line, key+":"+as+"\n", 1)
	}
	checkLintCases(t, []lintCase{
		{name: "severity_when with nothing", yaml: empty(`        severity_when: {when: "area == 'content'", severity: medium, reason: R}`+"\n", ""),
			line: 19, field: q + ".severity_when", message: "severity_when is empty", hint: "give severity_when a value, or leave out the line"},
		{name: "severity_when ~", yaml: empty(`        severity_when: {when: "area == 'content'", severity: medium, reason: R}`+"\n", " ~"),
			line: 19, field: q + ".severity_when", message: "severity_when is empty"},
		{name: "replaces with nothing", yaml: empty("        replaces: [measured]\n", ""),
			line: 20, field: q + ".replaces", message: "replaces is empty"},
		{name: "replaces null", yaml: empty("        replaces: [measured]\n", " null"),
			line: 20, field: q + ".replaces", message: "replaces is empty"},
		{name: "a condition", yaml: empty("        when: answered(area)\n", ""),
			line: 22, field: q + ".when", message: "when is empty"},
		{name: "a weight", yaml: empty("        weight: 2\n", " ~"),
			line: 21, field: q + ".weight", message: "weight is empty"},
		{name: "help", yaml: empty("        help: Targets agreed with the business.\n", ""),
			line: 23, field: q + ".help", message: "help is empty"},
		{name: "a required field: one problem, not also that it is missing", yaml: empty("        text: Is accuracy measured against agreed targets?\n", ""),
			line: 24, field: q + ".text", message: "text is empty"},
		{name: "the severity severity_when changes: one problem", yaml: empty("        severity: high\n", " null"),
			line: 18, field: q + ".severity", message: "severity is empty"},
		{name: "a section's help", yaml: empty("    help: Read this.\n", ""),
			line: 9, field: "sections[s].help", message: "help is empty"},
		{name: "the description", yaml: empty("description: A test.\n", ""),
			line: 5, field: "description", message: "description is empty"},
		{name: "an option's field", yaml: strings.Replace(emptyFieldFile, "options: [content, credit]", "options: [{value: content, label: }, credit]", 1),
			line: 15, field: "sections[s].questions[area].options[0].label", message: "label is empty"},
	})
}

// A stored snapshot is read as it is: an assessment whose questionnaire
// left a field empty, before an empty field was refused, still opens.
func TestStoredSnapshotWithAnEmptyFieldStillOpens(t *testing.T) {
	src := strings.Replace(emptyFieldFile, "        help: Targets agreed with the business.\n", "        help:\n", 1)
	if _, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog()); len(problems) == 0 {
		t.Fatal("the file loads as a questionnaire: it tests nothing")
	}
	if _, err := questionnaires.Decode("t.yaml", []byte(src)); err != nil {
		t.Fatalf("a stored snapshot is refused: %v", err)
	}
	if _, problems := questionnaires.Parse("t.yaml", []byte(emptyFieldFile), questionnaires.Catalog()); len(problems) > 0 {
		t.Fatalf("the file itself is refused:\n%v", problems)
	}
}

// An empty entry in a list is refused as empty, once: a control ID left
// empty in a list (controls: {iso27001: [A.5.1, ~]}) was skipped without
// a word, and a question entry left empty ("-" and nothing under it) was
// three problems, its id, text and type each "required".
func TestEmptyListEntryIsRefused(t *testing.T) {
	checkLintCases(t, []lintCase{
		{name: "a null control ID", yaml: strings.Replace(emptyFieldFile, "        action: Measure", "        controls: {iso27001: [A.5.1, ~]}\n        action: Measure", 1),
			line: 25, field: "sections[s].questions[accuracy].controls.iso27001[1]", message: "a control ID is required, and the entry is empty"},
		{name: "a blank control ID", yaml: strings.Replace(emptyFieldFile, "        action: Measure", "        controls: {nist-csf: [\"\", ID.RA-01]}\n        action: Measure", 1),
			line: 25, field: "sections[s].questions[accuracy].controls.nist-csf[0]", message: "a control ID is required, and the entry is empty"},
		{name: "an empty question", yaml: strings.Replace(emptyFieldFile, "    questions:\n", "    questions:\n      -\n", 1),
			line: 11, field: "sections[s].questions[0]", message: "the entry is empty", hint: "write the question's fields under the -, or remove the -"},
		{name: "an empty section", yaml: strings.Replace(emptyFieldFile, "sections:\n", "sections:\n  - ~\n", 1),
			line: 7, field: "sections[0]", message: "the entry is empty"},
	})
}
