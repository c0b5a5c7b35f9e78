package convert

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A bad --id, or a catalog ID taken from -o's name that is one of assay's
// own frameworks, is said of the option or the name, not as a problem at
// a line of the file that was never written.
func TestConvertRefusesABadID(t *testing.T) {
	caiq, err := os.ReadFile(filepath.Join("testdata", "invented", "caiq-rows.json"))
	if err != nil {
		t.Fatal(err)
	}
	const catalog = `{"catalog": {"uuid": "u", "metadata": {"title": "T"}, "controls": [{"id": "a-1", "title": "C"}]}}`
	for _, c := range []struct {
		name, src, out, id, want string
	}{
		{"a questionnaire ID with a slash", string(caiq), "out.yaml", "../x", `--id: "../x" is not a valid ID (start with a letter; then letters, digits, _, - or .)`},
		{"a questionnaire ID with a space", string(caiq), "out.yaml", "a b", `--id: "a b" is not a valid ID`},
		{"a questionnaire ID of 65 characters", string(caiq), "out.yaml", strings.Repeat("a", 65), "--id: the ID is 65 characters long; an ID is at most 64"},
		{"a catalog ID that is a framework", catalog, "out.yaml", "iso27001", "--id: iso27001 is one of assay's own frameworks; give another"},
		{"a catalog named like a framework", catalog, "iso27001.yaml", "", "the catalog's ID, iso27001, taken from the name of iso27001.yaml, is one of assay's own frameworks; give another with --id"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert("in.json", []byte(c.src), c.out, Options{ID: c.id})
			if err == nil || res != nil {
				t.Fatalf("converted: %v", res)
			}
			var problems Problems
			if errors.As(err, &problems) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got:\n%v\nwant: %s", err, c.want)
			}
		})
	}
}

// A conversion that does not load is the converter's defect: the error
// says so, and is not given as the source's problems (which the command
// prints as if the file read were at fault, dropping that sentence).
func TestConvertDefectIsNotTheSources(t *testing.T) {
	err := check(&Result{What: "questionnaire", YAML: []byte("id: [\n")}, "out.yaml", nil)
	var problems Problems
	if err == nil || errors.As(err, &problems) || !strings.Contains(err.Error(), "defect of assay convert") || !strings.Contains(err.Error(), "out.yaml:") {
		t.Errorf("got %v", err)
	}
}

// An ID made from the source's text leaves out its escape sequences, as
// the text written does: "\x1b[31mA.1" made the ID "q31ma.1", the tail
// of the sequence read as letters.
func TestIDsLeaveOutEscapeSequences(t *testing.T) {
	d := newDraft()
	for text, want := range map[string]string{
		"\x1b[31mA.1":         "a.1",
		"\x1b]0;title\x07B-2": "b-2",
		"C\u200b3":            "c3",
	} {
		if got := d.uniqueID(text, "r"); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
