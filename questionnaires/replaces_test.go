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
