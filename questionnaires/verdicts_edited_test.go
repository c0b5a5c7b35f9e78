package questionnaires_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// editedCase is a hand-rated case of testdata/verdicts read to be scored
// again with some of its answers replaced: the variations a test works
// out by hand around a case a professional rated.
type editedCase struct {
	q    *assess.Questionnaire
	path string
	src  string
}

// openEditedCase reads case file of the built-in questionnaire id and
// fails the test if the file no longer holds each text to be replaced.
func openEditedCase(t *testing.T, id, file string, replaced ...string) editedCase {
	t.Helper()
	q, ok := biLibrary(t).Get(id)
	if !ok {
		t.Fatalf("no built-in %s", id)
	}
	path := filepath.Join("testdata", "verdicts", file)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range replaced {
		if !strings.Contains(string(src), s) {
			t.Fatalf("%s no longer answers %q", path, s)
		}
	}
	return editedCase{q: q, path: path, src: string(src)}
}

// score scores the case with each old text replaced by its new one,
// given in pairs: old, new, old, new…
func (c editedCase) score(t *testing.T, oldNew ...string) *assess.Result {
	t.Helper()
	edited := strings.NewReplacer(oldNew...).Replace(c.src)
	return assess.Score(c.q, answersFile(t, c.path, []byte(edited), c.q), assessedOn)
}
