package questionnaires_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A replaces list the loader takes: IDs of earlier versions, whether or
// not this file ever asked them.
func TestReplacesNamesEarlierIDs(t *testing.T) {
	q := loadTestdata(t, "renamed/controls-v2.yaml")
	mfa, _ := q.Question("mfa-all-access")
	if want := []string{"mfa-admins", "mfa"}; !reflect.DeepEqual(mfa.Replaces, want) {
		t.Errorf("mfa-all-access replaces %v, want %v", mfa.Replaces, want)
	}
	if enc, _ := q.Question("encryption"); enc.Replaces != nil {
		t.Errorf("encryption replaces %v, want nothing", enc.Replaces)
	}
}

const replacesMistakes = `id: t
version: "1"
title: T
kind: third-party
sections:
  - id: s
    title: S
    questions:
      - id: kept
        type: control
        text: Kept?
      - id: renamed
        type: control
        text: Renamed?
        replaces: [old, kept, renamed, "9bad"]
      - id: also-renamed
        type: control
        text: Also renamed?
        replaces: [old]
`

// What cannot be a renaming is refused at its line and field, every
// mistake at once: an ID the file still asks, the question's own ID, an
// ID replaced twice, and something that is no ID.
func TestReplacesMistakesAreRefusedAtTheirLine(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(replacesMistakes), questionnaires.Catalog())
	if q != nil {
		t.Fatal("a file with mistakes in replaces loaded")
	}
	want := []string{
		`t.yaml:15:25: sections[s].questions[renamed].replaces[1]: question kept is still asked, so it cannot be replaced`,
		`t.yaml:15:31: sections[s].questions[renamed].replaces[2]: question renamed cannot replace itself`,
		`t.yaml:15:40: sections[s].questions[renamed].replaces[3]: "9bad" is not a valid id`,
		`t.yaml:19:20: sections[s].questions[also-renamed].replaces[0]: "old" is replaced twice (already replaced by question renamed at line 15: one question carries an old answer on)`,
	}
	if len(problems) != len(want) {
		t.Fatalf("problems:\n%v\nwant %d", problems, len(want))
	}
	for i, w := range want {
		if got := problems[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got, w)
		}
	}
}

// A replaces list that names nothing is refused, not taken as no list:
// an empty list, or an entry left null or blank where the author meant to
// write the old ID, loaded as if the question had never been renamed.
func TestReplacesThatNamesNothingIsRefused(t *testing.T) {
	file := func(replaces string) string {
		return header + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, replaces: " + replaces + "}]}]\n"
	}
	const field = "sections[s].questions[q].replaces"
	checkLintCases(t, []lintCase{
		{name: "an empty list", yaml: file("[]"), line: 5, field: field, message: "replaces is an empty list"},
		{name: "a null entry", yaml: file("[old, null]"), line: 5, field: field + "[1]", message: "an ID is required"},
		{name: "a tilde entry", yaml: file("[~]"), line: 5, field: field + "[0]", message: "an ID is required"},
		{name: "a blank entry", yaml: file("[\"\", old]"), line: 5, field: field + "[0]", message: "an ID is required"},
	})
}
