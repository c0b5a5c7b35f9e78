package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// In team mode the history names each change's login, as the server
// recorded it, and an auditor (read and verify only) reads it, verified
// against the keys it trusts.
func TestTeamHistoryNamesEachLogin(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	dee := s.person("dee", "analyst")
	aud := s.person("aud", "auditor")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	file := func(body string) string {
		path := filepath.Join(t.TempDir(), "answers.yaml")
		if err := os.WriteFile(path, []byte("answers:\n  "+body+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ana.ok("answer", id, "-f", file("mfa: no"))
	dee.ok("answer", id, "-f", file("mfa: yes"), "--overwrite")
	aud.trust(ana)
	aud.trust(dee)
	out := masked(aud.ok("history", id, "--question", "mfa"))
	want := "Audit trail of assessment " + id + " verified (as assay verify " + id + " checks it): 3 records.\n\n" +
		"#  WHEN (UTC)           WHO" + strings.Repeat(" ", len(ana.login)-1) + "WHAT\n" +
		"2  YYYY-MM-DD hh:mm:ss  " + ana.login + "  answer set: mfa\n" +
		strings.Repeat(" ", 3+21+len(ana.login)+2) + "- answer: No\n" +
		"3  YYYY-MM-DD hh:mm:ss  " + dee.login + "  answer changed: mfa\n" +
		strings.Repeat(" ", 3+21+len(ana.login)+2) + "- answer: No -> Yes, for every person who can reach our data\n"
	if out != want {
		t.Fatalf("assay history as the auditor:\n%s\nwant:\n%s", out, want)
	}
	if out := aud.ok("history", id, "--by", dee.login); !strings.Contains(out, "\n3  ") || strings.Contains(out, "\n2  ") {
		t.Fatalf("--by %s:\n%s", dee.login, out)
	}
}
