package main

import (
	"fmt"
	"strings"
	"testing"
)

// A vendor's file whose version line was changed is refused, as one for
// another questionnaire is: the vendor answered questions worded as in
// another version of the questionnaire (or edited a line the file asks
// them to leave), and nothing of it is recorded.
func TestAnswerRefusesAnotherQuestionnaireVersion(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))
	sent := fill(t, s.sent(id), "mfa", "yes")
	if !strings.Contains(sent, "\nversion: \"2.16.0\"\n") {
		t.Fatalf("the sent file has no version line:\n%s", sent[:600])
	}
	file := writeTemp(t, "acme.yaml", strings.Replace(sent, "\nversion: \"2.16.0\"\n", "\nversion: \"1.0.0\"\n", 1))
	code, _, stderr := s.run("", "answer", id, "--file", file)
	if code == 0 || !strings.Contains(stderr, `acme.yaml:10:10: version: this file answers version 1.0.0 of vendor-security-screen, but the assessment uses version 2.16.0`) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if out := s.ok("score", id); !strings.Contains(out, "Answered: 0 of 33") {
		t.Errorf("a refused file recorded answers:\n%s", out)
	}
	// The version as sent is read, and so is a file without the line.
	s.ok("answer", id, "--file", writeTemp(t, "same.yaml", sent))
	s.ok("answer", id, "--vendor", "--file", writeTemp(t, "none.yaml", strings.Replace(sent, "\nversion: \"2.16.0\"\n", "\n", 1)))
}

// An assessment line holding an escape sequence is refused, and named
// with the sequence written out: cleaned for the terminal, it read
// "this file answers assessment X, not X" with the same X twice.
func TestAnswerNamesAnAlteredAssessmentLineVisibly(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))
	sent := s.sent(id)
	i := strings.LastIndex(sent, "assessment: ")
	uuid := strings.TrimSpace(sent[i+len("assessment: "):])
	file := writeTemp(t, "acme.yaml", sent[:i]+"assessment: \"\\e[31m"+uuid+"\"\n")
	code, _, stderr := s.run("", "answer", id, "--file", file)
	if want := `this file answers assessment "\x1b[31m` + uuid + `", not ` + uuid; code == 0 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, stderr)
	}
	if strings.Contains(stderr, "\x1b") {
		t.Errorf("an escape sequence reached the terminal: %q", stderr)
	}
}

// A file's name reaches the terminal without its escape sequences in the
// message refusing it for another assessment: a vendor names the file
// they send back, and the name was printed as it was.
func TestAnswerForAnotherAssessmentKeepsTheFileNamesEscapesOff(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))
	sent := s.sent(id)
	i := strings.LastIndex(sent, "assessment: ")
	file := writeTemp(t, "\x1b]0;pwned\x07acme.yaml", sent[:i]+"assessment: 00000000-0000-0000-0000-000000000000\n")
	code, _, stderr := s.run("", "answer", id, "--file", file)
	// The refusal names the assessment line: the one after every line
	// of the file before it.
	line := strings.Count(sent[:i], "\n") + 1
	if want := fmt.Sprintf("acme.yaml:%d: assessment: this file answers assessment 00000000-0000-0000-0000-000000000000", line); code == 0 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if strings.ContainsAny(stderr, "\x1b\x07") {
		t.Errorf("an escape sequence reached the terminal: %q", stderr)
	}
}
