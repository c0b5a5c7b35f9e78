package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// A warning is information: it reads as a plain sentence, without the
// "assay:" that starts an error (inform), so that a script watching for
// "assay:" does not take a command that went well for one that failed.
// The password warning and the failed rescore still began with it.
func TestWarningsReadAsSentencesNotErrors(t *testing.T) {
	var buf bytes.Buffer
	a := &app{stderr: &buf}
	a.warnPassword("--db", "postgres://ana:s3cret@db.example/assay")
	want := "The connection string of --db holds a password, which other users of this machine can see while assay runs " +
		"and your shell keeps in its history; put it in ~/.pgpass (or the file PGPASSFILE names) instead.\n"
	if buf.String() != want {
		t.Errorf("password warning:\n%q\nwant\n%q", buf.String(), want)
	}

	s := newCLISession(t)
	loadDump(t, filepath.Join("..", "..", "store", "testdata", "before-signing.sql"), s.env["ASSAY_DB"])
	// A write the rescore makes fails, as a full disk would fail it.
	s.plant(`CREATE TRIGGER planted BEFORE UPDATE OF summary ON assessments BEGIN SELECT RAISE(ABORT, 'planted failure'); END`)
	_, _, errOut := s.run("", "list")
	var warned bool
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if strings.Contains(line, "tried again next time") {
			warned = true
			if !strings.HasPrefix(line, "Scoring again did not finish: ") || !strings.HasSuffix(line, ".") {
				t.Errorf("the failed rescore's line: %q", line)
			}
		}
	}
	if !warned {
		t.Errorf("the failed rescore said nothing:\n%s", errOut)
	}
}

// A questionnaire file with a mistake is skipped and the rest of the
// library loads: that is information, so the line that says so reads as
// a sentence, not as an error starting "assay:".
func TestSkippedQuestionnaireReadsAsSentence(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	path := writeFile(t, dir, "broken.yaml", "id: broken\nversion: [\n")
	code, _, errOut := s.run("", "--questionnaires", dir, "questionnaires")
	if code != 0 {
		t.Fatalf("questionnaires: exit %d\n%s", code, errOut)
	}
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if !strings.Contains(line, path) {
			continue
		}
		found = true
		if !strings.HasPrefix(line, "Skipping the questionnaire file "+path+":") || !strings.HasSuffix(line, ".") {
			t.Errorf("the skipped file's line: %q", line)
		}
	}
	if !found {
		t.Errorf("the skipped file was not named:\n%s", errOut)
	}
}
