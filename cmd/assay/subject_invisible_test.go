package main

import (
	"strings"
	"testing"
)

// "Ac<ZWSP>me" prints as "Acme": every command that names a subject
// refuses it, at the character, and records nothing.
func TestSubjectNamesWithInvisibleCharactersAreRefused(t *testing.T) {
	s := newCLISession(t)
	s.ok("subject", "add", "Acme")
	digest := s.dbDigest()
	says := "holds an invisible character (U+200B) at character 3"
	s.fails(says, "new", "-q", "vendor-security-screen", "-s", "Ac\u200bme", "--date", "2026-01-02")
	s.fails(says, "subject", "add", "Ac\u200bme Two")
	s.fails(says, "subject", "edit", "Acme", "--name", "Ac\u200bme")
	s.fails("holds an invisible character (U+2060) at character 5", "subject", "edit", "Acme", "--owner", "Sam \u2060Ortiz")
	if s.dbDigest() != digest {
		t.Error("a refused name changed the database")
	}
	if out := s.ok("subject", "list"); strings.ContainsRune(out, '\u200b') {
		t.Errorf("a subject holds the zero-width space:\n%s", out)
	}
}
