package main

import (
	"strings"
	"testing"
)

// The binary, approved on the command line (which keeps naming its
// command), then opened in accessible mode: the refusal says the menu
// choice, not "(assay revise 1)".
func TestAccessibleLockedSaysTheMenuNotTheCommand(t *testing.T) {
	s := newAccessibleSession(t)
	for _, flag := range []string{"--submit", "--approve"} {
		if r := runProc(s.bin, s.env, "review", "1", flag, "--accept-unconfirmed"); r.code != 0 {
			t.Fatalf("assay review %s: exit %d: %s", flag, r.code, r.errs)
		}
	}
	if r := runProc(s.bin, s.env, "answer", "1", "-f", taggedAnswers(t, t.TempDir(), "found")); !strings.Contains(r.errs, "(assay revise 1)") {
		t.Errorf("the command line no longer names assay revise: exit %d: %s", r.code, r.errs)
	}
	out := s.drive("1", "q")
	if want := "start a revision to change it: in assessment 1's choices, choose 3 to sign it off, then Start a revision."; !strings.Contains(out, want) || strings.Contains(out, "assay revise") {
		t.Errorf("transcript lacks %q, or names the command:\n%s", want, out)
	}
}
