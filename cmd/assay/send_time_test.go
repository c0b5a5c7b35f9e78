package main

import (
	"regexp"
	"strings"
	"testing"
)

// A vendor's file whose sent line names no sending on record is refused:
// the line says which answers were filled in for the vendor, and a later
// time made answers changed here since the sending read as left by the
// vendor as they were sent, so that the stale values the vendor kept
// were recorded over the newer ones (as the vendor's, but recorded).
func TestAnswerRefusesASentTimeNoSendingHas(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))
	sent := s.sent(id)
	line := regexp.MustCompile(`(?m)^sent: "[^"]+"$`).FindString(sent)
	if line == "" {
		t.Fatalf("the sent file has no sent line:\n%.600s", sent)
	}
	forged := strings.Replace(sent, line, `sent: "2099-01-01T00:00:00.310Z"`, 1)
	code, _, stderr := s.run("", "answer", id, "--file", writeTemp(t, "acme.yaml", fill(t, forged, "mfa", "yes")))
	if code == 0 || !regexp.MustCompile(`acme\.yaml:\d+: sent: no file was sent for assessment \d+ at 2099-01-01T00:00:00\.310Z \(`).MatchString(stderr) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if out := s.ok("score", id); !strings.Contains(out, "Answered: 0 of 33") {
		t.Errorf("a refused file recorded answers:\n%s", out)
	}
	// The file as sent is read.
	s.ok("answer", id, "--file", writeTemp(t, "same.yaml", fill(t, sent, "mfa", "yes")))
}
