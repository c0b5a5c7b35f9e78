package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Under LANG=C the terminal draws bytes, not UTF-8: accessible mode (a
// screen reader's, or any terminal without cursor control) printed the
// typography of notes and questions (— “ ”) and a subject named in
// Japanese as UTF-8, which came out as garbage or
// was read out as such. Every byte it prints is ASCII now: its own marks
// as ASCII words, text ASCII lacks as a ? per character.
func TestAccessibleModeIsASCIIUnderLangC(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "東京 Café Zoë", "2026-03-01", tieringAnswers)
	again := filepath.Join(t.TempDir(), "again.yaml")
	if err := os.WriteFile(again, []byte("answers:\n  mfa: {answer: yes, note: \"Authenticator app — “number matching” on\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.ok("answer", id, "-f", again, "--overwrite")
	s.env["LANG"] = "C"
	typed := strings.Join([]string{
		id, "5", "a", "b", // its audit trail, every record, and back
		"2", "b", // its plan, and back
		"1", "s", "s", "s", "q", // its questions, three skipped
	}, "\n") + "\n"
	code, out, errOut := s.run(typed, "--accessible")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for i, line := range strings.Split(out, "\n") {
		for j := 0; j < len(line); j++ {
			if line[j] >= 0x80 {
				t.Errorf("line %d holds a byte beyond ASCII (%#x) at %d: %q", i+1, line[j], j, line)
				break
			}
		}
	}
	for _, want := range []string{
		"Assessment 1, ?? Caf? Zo?,", // the subject, one ? a character ASCII lacks
		"Authenticator app - \"number matching\" on",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the transcript lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(errOut, "…") {
		t.Errorf("standard error holds an ellipsis: %s", errOut)
	}
}
