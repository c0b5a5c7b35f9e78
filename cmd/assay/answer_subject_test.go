package main

import (
	"strings"
	"testing"
)

// An answers file may name the subject it answers for (subject:), and the
// field was read and then ignored: Globex's answers, kept in a file that
// says so, went into Acme's assessment without a word. A subject other
// than the assessment's is refused at its line, and nothing is recorded;
// the same name written in other case or spacing is the same subject.
func TestAnswersFileForAnotherSubjectIsRefused(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-01-31"))
	other := writeTemp(t, "globex.yaml", "questionnaire: vendor-security-screen\nsubject: Globex Ltd\nanswers:\n  mfa: yes\n")
	s.fails("globex.yaml:2: subject: this file answers for Globex Ltd, but assessment 1 is of Acme Cloud Ltd", "answer", id, "-f", other)
	if out := s.ok("score", id); strings.Contains(out, "Answered: 1") {
		t.Errorf("a file for another subject recorded an answer:\n%s", out)
	}
	same := writeTemp(t, "acme.yaml", "subject: \"  acme  cloud LTD \"\nanswers:\n  mfa: yes\n")
	s.ok("answer", id, "-f", same)
	if out := s.ok("score", id); !strings.Contains(out, "Answered: 1 of") {
		t.Errorf("the subject's own file recorded nothing:\n%s", out)
	}
}
