package main

import (
	"regexp"
	"strings"
	"testing"
)

// verify --incremental names the keys that signed entries after the
// checkpoint, and only those: a key registered before it, retired since
// and signing nothing after, was listed among them, its registration
// counted as an entry since the checkpoint.
func TestIncrementalVerifyNamesOnlyTheKeysSigningSinceTheCheckpoint(t *testing.T) {
	s := newCLISession(t)
	id := s.start("scoring-basics", "Acme", "2026-01-10", "mfa: no")
	before := keyIDs(s.ok("verify"))
	s.ok("key", "new")
	s.ok("verify", "--checkpoint")
	s.ok("answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  mfa: yes\n"))
	out := s.ok("verify", "--incremental")
	line := regexp.MustCompile(`(?m)^Ledger intact: .* since the checkpoint, signed by (.*)\.$`).FindStringSubmatch(out)
	if line == nil {
		t.Fatalf("no ledger line:\n%s", out)
	}
	for _, old := range before {
		if strings.Contains(line[1], old) {
			t.Errorf("the retired key %s, which signed nothing since the checkpoint, is named: %s", old, line[0])
		}
	}
	if len(keyIDs(line[1])) != 1 {
		t.Errorf("want one key since the checkpoint: %s", line[0])
	}
}

// keyIDs are the key IDs a verify output names ("key ID)").
func keyIDs(out string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`key ([A-Za-z0-9:+/=_-]+)\)`).FindAllStringSubmatch(out, -1) {
		ids = append(ids, m[1])
	}
	return ids
}
