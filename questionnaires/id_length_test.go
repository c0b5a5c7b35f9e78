package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// idFile is a questionnaire with an ID of every kind, each written ID,
// for a test to make one of them too long.
const idFile = `id: t
version: "1"
title: T
kind: privacy
dimensions:
  - {id: risk, higher: worse}
levels:
  - {id: overall, dimension: risk, bands: [{level: low}]}
sections:
  - id: s
    title: S
    questions:
      - id: a
        type: single
        dimension: none
        text: A
        options: [yes, "no"]
      - id: b
        type: single
        dimension: none
        text: B
        replaces: [old]
        options: [{value: v, label: V}, w]
consistency:
  - id: c
    when: a == 'yes' and b == 'v'
    questions: [a, b]
    message: M.
`

// An ID had no length limit: a questionnaire, section or question id of
// 10,000 characters loaded, and then broke every table, list and
// terminal line that names it (a finding, the sidebar, assay list, a
// --questionnaire argument). IDs are now at most questionnaires.MaxIDLength
// characters (the longest in the built-ins is 39, and assay convert
// makes none over 60), option values at most MaxOptionValueLength (a
// value written as the shorthand "- Some label" is also the label); a
// longer one is refused at its line and field, and the field path names
// the list entry by its position, not by the 10,000 characters.
func TestIDLongerThanTheLimitIsRefused(t *testing.T) {
	tooLong := strings.Repeat("x", questionnaires.MaxIDLength+1)
	huge := strings.Repeat("y", 10_000)
	at := func(old, new string) string {
		if !strings.Contains(idFile, old) {
			t.Fatalf("idFile has no %q", old)
		}
		return strings.Replace(idFile, old, new, 1)
	}
	says := "is 65 characters long; an ID is at most 64"
	checkLintCases(t, []lintCase{
		{name: "questionnaire id", yaml: at("id: t\n", "id: "+tooLong+"\n"),
			line: 1, field: "id", message: says, hint: "a short name"},
		{name: "section id of 10,000 characters", yaml: at("  - id: s\n", "  - id: "+huge+"\n"),
			line: 10, field: "sections[0].id", message: "is 10000 characters long; an ID is at most 64"},
		{name: "question id", yaml: at("      - id: b\n", "      - id: "+huge+"\n"),
			line: 18, field: "sections[s].questions[1].id", message: "is 10000 characters long; an ID is at most 64",
			wantProblems: 3}, // and the consistency check names an unknown question b, twice,
		{name: "dimension id", yaml: at("{id: risk,", "{id: "+tooLong+",") + "# risk\n",
			line: 6, field: "dimensions[0].id", message: says, wantProblems: 2}, // and the level's dimension is unknown
		{name: "level id", yaml: at("{id: overall,", "{id: "+tooLong+","),
			line: 8, field: "levels[0].id", message: says},
		{name: "consistency check id", yaml: at("  - id: c\n", "  - id: "+tooLong+"\n"),
			line: 25, field: "consistency[0].id", message: says},
		{name: "an ID replaced", yaml: at("[old]", "["+tooLong+"]"),
			line: 22, field: "sections[s].questions[b].replaces[0]", message: says},
		{name: "option value", yaml: at("{value: v,", "{value: "+strings.Repeat("v", questionnaires.MaxOptionValueLength+1)+","),
			line: 23, field: "sections[s].questions[b].options[0].value",
			message: "value is 101 characters long; an option's value is at most 100", hint: "a short value and a label",
			wantProblems: 2}, // and the consistency check's b == 'v' names no option,
		{name: "option shorthand", yaml: at(`[yes, "no"]`, `[yes, "no", `+strings.Repeat("n", 10_000)+`]`),
			line: 17, field: "sections[s].questions[a].options[2]",
			message: "option is 10000 characters long; an option's value is at most 100", hint: "a short value and a label"},
	})
}

// IDs at the limits load: the limit is a bound, not an off-by-one.
func TestIDAtTheLimitLoads(t *testing.T) {
	src := strings.Replace(idFile, "      - id: b\n", "      - id: "+strings.Repeat("b", questionnaires.MaxIDLength)+"\n", 1)
	src = strings.Replace(src, "b == 'v'", strings.Repeat("b", questionnaires.MaxIDLength)+" == 'v'", 1)
	src = strings.Replace(src, "[a, b]", "[a, "+strings.Repeat("b", questionnaires.MaxIDLength)+"]", 1)
	src = strings.Replace(src, "{value: v,", "{value: "+strings.Repeat("v", questionnaires.MaxOptionValueLength)+",", 1)
	src = strings.Replace(src, "== 'v'", "== '"+strings.Repeat("v", questionnaires.MaxOptionValueLength)+"'", 1)
	if _, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog()); len(problems) > 0 {
		t.Fatalf("refused:\n%v", problems)
	}
	if _, problems := questionnaires.Parse("t.yaml", []byte(idFile), questionnaires.Catalog()); len(problems) > 0 {
		t.Fatalf("the file itself is refused:\n%v", problems)
	}
}

// A stored snapshot is read as it is, as its long texts are: an
// assessment whose questionnaire had a long ID before the limit still
// opens.
func TestStoredSnapshotWithALongIDStillOpens(t *testing.T) {
	long, longValue := strings.Repeat("b", questionnaires.MaxIDLength+1), strings.Repeat("v", questionnaires.MaxOptionValueLength+1)
	src := strings.NewReplacer("      - id: b\n", "      - id: "+long+"\n", "b == 'v'", long+" == '"+longValue+"'", "[a, b]", "[a, "+long+"]",
		"{value: v,", "{value: "+longValue+",").Replace(idFile)
	if _, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog()); len(problems) == 0 {
		t.Fatal("the file loads as a questionnaire: it tests nothing")
	}
	if _, err := questionnaires.Decode("t.yaml", []byte(src)); err != nil {
		t.Fatalf("a stored snapshot is refused: %v", err)
	}
}
