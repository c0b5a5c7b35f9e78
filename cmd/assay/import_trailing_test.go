package main

import (
	"strings"
	"testing"
)

// An export with text after its closing brace was refused only when that
// text began with something other than "]" or "}": encoding/json's More
// reports the end of an enclosing array or object as no more data, so a
// file ending "}] plus anything" (a second assessment, a note to the
// committee) was imported, and verify --against said its content was
// checked, while a reader's tools show the text that follows. Anything
// but white space after the assessment is refused, at its line and
// column, and nothing is imported; verify --against refuses it too.
func TestExportWithTextAfterItIsRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	made := s.ok("export", id)
	lines := strings.Count(strings.TrimRight(made, "\n"), "\n") + 2
	for _, tail := range []string{"]", "}", "] {\"approved_by\": \"the board\"}", "x"} {
		file := writeTemp(t, "acme.json", made+tail+"\n")
		want := "acme.json:" + itoa(lines) + ":1: more data after the assessment"
		before := s.dbDigest()
		if code, out, _ := s.run("", "verify", "--against", file); code != 1 || strings.Contains(out, "was checked") {
			t.Errorf("verify --against an export followed by %q: exit %d, %s", tail, code, out)
		}
		other := newTrustingSession(t, s)
		other.fails(want, "import", file)
		if s.dbDigest() != before {
			t.Errorf("%q: the database changed", tail)
		}
	}
}
