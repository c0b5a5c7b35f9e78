package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A questionnaire file changed without a new version: assessments already
// started keep what they started with, but a new one would carry the same
// label on other content, and reports and lists could not tell the two
// apart. assay new says so, naming the assessments started with the other
// content, and still creates the assessment; the same file unchanged, or
// changed under a new version, draws no such note.
func TestNewNotesAQuestionnaireChangedUnderTheSameVersion(t *testing.T) {
	s := newCLISession(t)
	src, err := os.ReadFile(filepath.Join(testdataQuestionnaires, "scoring-basics.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	qdir := t.TempDir()
	file := writeFile(t, qdir, "mine.yaml", string(src))
	newOne := func() (string, string) {
		code, out, errOut := s.run("", "--questionnaires", qdir, "new", "-q", "scoring-basics", "-s", "Acme", "--date", "2026-01-10")
		if code != 0 {
			t.Fatalf("assay new: exit %d, %s", code, errOut)
		}
		return strings.TrimSpace(out), errOut
	}
	if _, errOut := newOne(); errOut != "" {
		t.Errorf("the first assessment drew %q", errOut)
	}
	if _, errOut := newOne(); errOut != "" {
		t.Errorf("the same file again drew %q", errOut)
	}

	changed := strings.Replace(string(src), "description: Weights, not applicable", "description: Changed weights, not applicable", 1)
	if changed == string(src) {
		t.Fatal("the change did not apply")
	}
	writeFile(t, qdir, "mine.yaml", changed)
	id, errOut := newOne()
	// Information, as revise gives it: a sentence, without the "assay:"
	// that starts an error.
	want := "Note: scoring-basics 2.1.0 is not the questionnaire assessments 1 and 2 started with under that version"
	if id != "3" || !strings.HasPrefix(errOut, want) || !strings.Contains(errOut, file) || !strings.HasSuffix(errOut, "tell the two apart.\n") {
		t.Errorf("new on the changed file: %q, %q; want assessment 3 and a note saying %q and naming %s", id, errOut, want, file)
	}

	writeFile(t, qdir, "mine.yaml", strings.Replace(changed, `version: "2.1.0"`, `version: "2.2.0"`, 1))
	if _, errOut := newOne(); errOut != "" {
		t.Errorf("the changed file under a new version drew %q", errOut)
	}
}
