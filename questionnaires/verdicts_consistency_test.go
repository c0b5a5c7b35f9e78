package questionnaires_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// meantToDisagree is the comment line by which a hand-rated case says a
// consistency check holds on purpose, one check per line:
//
//	# meant to disagree: <check id>
//
// A case written to show a contradiction names it; any other case is one
// a professional would sign, and such a case must not contradict itself.
const meantToDisagree = "# meant to disagree:"

// No hand-rated case of any built-in makes a consistency check hold
// unless its file says it is meant to: holding checks block submission,
// so a case that contradicts itself unnoticed is a verdict no one could
// sign. A check a file names that no longer holds fails too, so the
// mark cannot outlive the contradiction it explains.
func TestHandRatedCasesDoNotContradictThemselves(t *testing.T) {
	lib := biLibrary(t)
	files, err := filepath.Glob(filepath.Join("testdata", "verdicts", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no hand-rated cases found")
	}
	checked := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		id, meant := "", []string(nil)
		for _, line := range strings.Split(string(src), "\n") {
			if v, ok := strings.CutPrefix(line, "questionnaire: "); ok {
				id = strings.TrimSpace(v)
			}
			if v, ok := strings.CutPrefix(line, meantToDisagree); ok {
				meant = append(meant, strings.TrimSpace(v))
			}
		}
		q, ok := lib.Get(id)
		if !ok {
			continue // a case of a questionnaire that is not built in
		}
		checked++
		t.Run(filepath.Base(path), func(t *testing.T) {
			answers := answersFile(t, path, src, q)
			res := assess.Score(q, answers, assessedOn)
			var holding []string
			for _, d := range res.Disagreements {
				holding = append(holding, d.ID)
				if !slices.Contains(meant, d.ID) {
					t.Errorf("check %s holds (%s), and the file does not say %q", d.ID, d.Message, meantToDisagree+" "+d.ID)
				}
			}
			for _, m := range meant {
				if !slices.Contains(holding, m) {
					t.Errorf("the file says %q, yet that check does not hold", meantToDisagree+" "+m)
				}
			}
		})
	}
	if checked == 0 {
		t.Fatal("no hand-rated case of a built-in was checked")
	}
}
