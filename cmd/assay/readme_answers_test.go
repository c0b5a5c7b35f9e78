package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// README's "Answers files" shows two files: the tour's, for the vendor
// security screen, which the tour runs, and one with "the other kinds of
// question, as a DPIA's file gives them", which nothing ran. Each is
// recorded as written into an assessment of the questionnaire it names,
// every answer of it, so that a question renamed or an option changed in
// a built-in shows up here and not in a reader's terminal.
func TestReadmeAnswersFilesRecordAsWritten(t *testing.T) {
	section := docSection(t, readDoc(t, "../../README.md"), "### Answers files")
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(blocks) < 2 {
		t.Fatalf("found %d answers files in README's Answers files; it shows two", len(blocks))
	}
	questionnaireLine := regexp.MustCompile(`(?m)^questionnaire: *([a-z0-9-]+)`)
	answerKey := regexp.MustCompile(`(?m)^  [a-z0-9-]+:`)
	s := newCLISession(t)
	for i, b := range blocks {
		file := b[1]
		q := questionnaireLine.FindStringSubmatch(file)
		if q == nil {
			t.Errorf("README's answers file %d names no questionnaire:\n%s", i+1, file)
			continue
		}
		// The tour's file names its subject, which must be the assessment's.
		subject := "Acme Cloud Ltd"
		id := strings.TrimSpace(s.ok("new", "-q", q[1], "-s", subject))
		path := writeFile(t, t.TempDir(), "answers.yaml", file)
		want := fmt.Sprintf("recorded %d answers in assessment %s\n", len(answerKey.FindAllString(file, -1)), id)
		if out := s.ok("answer", id, "--file", path); out != want {
			t.Errorf("README's answers file %d for %s: %q, want %q", i+1, q[1], out, want)
		}
	}
}
