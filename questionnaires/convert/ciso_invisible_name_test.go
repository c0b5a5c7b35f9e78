package convert

import (
	"slices"
	"strings"
	"testing"
)

// A requirement node whose ref_id and name show as nothing (zero-width
// characters, bidi marks, control characters, white space) was named by
// the last part of its URN without a word, and its result question asked
// only that ("a.1"): the analyst could not tell that the library gave a
// name no one can read. A text left with nothing counts as none, as it
// does for questions and choices: the requirement is asked about as one
// with no name is ("Is requirement a.1 met?"), its section titled with
// its URN's last part, and the notes say so for each such node.
func TestConvertSaysAnInvisibleRequirementNameTakesItsURNsLastPart(t *testing.T) {
	src := strings.Replace(cisoLib, "      ref_id: A.1\n      name: Requirement\n", "      ref_id: \"\\u200B\"\n      name: \"\\u200B\\u200F\\t\"\n", 1)
	src = strings.Replace(src, "      ref_id: A\n      name: Section\n", "      name: \"\\u2060\\u001b[8m\"\n", 1)
	res, err := Convert("lib.yaml", []byte(src), "out.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n  - id: a\n    title: \"a\"\n",
		"\n      - id: a.1\n        type: control\n        text: \"Is requirement a.1 met?\"\n",
		"\n      - id: a.1-q1\n",
	} {
		if !strings.Contains(string(res.YAML), want) {
			t.Errorf("no %q in:\n%s", want, res.YAML)
		}
	}
	var fileNotes []string
	for _, n := range res.Notes {
		if n.Question == "" {
			fileNotes = append(fileNotes, n.Text)
		}
	}
	for _, want := range []string{
		`requirement node "urn:intuitem:risk:req_node:broken:a": its name "\u2060\x1b[8m" shows as nothing: named by the last part of its URN, "a"`,
		`requirement node "urn:intuitem:risk:req_node:broken:a.1": its ref_id "\u200b" and name "\u200b\u200f\t" show as nothing: named by the last part of its URN, "a.1"`,
	} {
		if !slices.Contains(fileNotes, want) {
			t.Errorf("the file's notes %q do not say %q", fileNotes, want)
		}
	}
}

// When the last part of the URN shows as nothing too, assay would have to
// make a name up, which would hide the library's mistake as a made-up
// label for a choice would: the library is refused at the field that
// shows as nothing (its name, else its ref_id, else its URN), and nothing
// is converted. Lines and columns are counted by hand in cisoLib, where
// the requirement a.1 begins on line 17 ("    - urn: ", 11 characters)
// and its ref_id is on line 21, its name on line 22 ("      name: ", 12).
func TestConvertRefusesARequirementThatShowsNoName(t *testing.T) {
	const node = "objects.framework.requirement_nodes[1]"
	const said = "assay would show a requirement no one can name (give it a name or a ref_id in the library)"
	urn := func(src, tail string) string {
		return strings.Replace(src, "- urn: urn:intuitem:risk:req_node:broken:a.1\n", "- urn: \"urn:intuitem:risk:req_node:broken:"+tail+"\"\n", 1)
	}
	for _, c := range []struct {
		name, src, want string
	}{
		{"an invisible name, a URN ending in a colon",
			urn(strings.Replace(cisoLib, "      ref_id: A.1\n      name: Requirement\n", "      name: \"\\u200B\"\n", 1), ""),
			`lib.yaml:21:13: ` + node + `.name: requirement node "urn:intuitem:risk:req_node:broken:": its name "\u200b" shows as nothing, and so does the last part of its URN, ""; ` + said},
		{"an invisible ref_id and name, a URN ending in a bidi mark",
			urn(strings.Replace(cisoLib, "      ref_id: A.1\n      name: Requirement\n", "      ref_id: \"\\t\"\n      name: \"\\u200B\"\n", 1), `\u202E`),
			`lib.yaml:22:13: ` + node + `.name: requirement node "urn:intuitem:risk:req_node:broken:\u202e": its ref_id "\t" and name "\u200b" show as nothing, and so does the last part of its URN, "\u202e"; ` + said},
		{"an invisible ref_id, no name",
			urn(strings.Replace(cisoLib, "      ref_id: A.1\n      name: Requirement\n", "      ref_id: \"\\u00A0\"\n", 1), `\u200D`),
			`lib.yaml:21:15: ` + node + `.ref_id: requirement node "urn:intuitem:risk:req_node:broken:\u200d": its ref_id "\u00a0" shows as nothing, and so does the last part of its URN, "\u200d"; ` + said},
		{"neither ref_id nor name",
			urn(strings.Replace(cisoLib, "      ref_id: A.1\n      name: Requirement\n", "", 1), `\u200B `),
			`lib.yaml:17:12: ` + node + `.urn: requirement node "urn:intuitem:risk:req_node:broken:\u200b ": it has no ref_id or name, and the last part of its URN, "\u200b ", shows as nothing; ` + said},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert("lib.yaml", []byte(c.src), "out.yaml", Options{})
			if err == nil || res != nil {
				t.Fatalf("converted, with notes %v:\n%s", res.Notes, res.YAML)
			}
			if got := strings.TrimSpace(err.Error()); got != c.want {
				t.Errorf("refused with:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}
