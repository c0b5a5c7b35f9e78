package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// verify --against proves the database still holds the history a copy
// pins, not that the copy is as assay wrote it: the pin is a position and
// hash in the audit chain and a signed ledger entry, which an edited copy
// keeps. It answered "The database still holds the record FILE pins" for a
// report whose subject or ratings were edited after it was made, and a
// committee reader could take that as proof the file is authentic. It now
// says, every time, that the file's own content was not checked; an
// export, whose content can be checked, now fails
// (TestVerifyAgainstChecksAnExportsContent).
func TestVerifyAgainstSaysTheFilesContentWasNotChecked(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no\nencryption: partial")
	c := s.copiesOf(id, t.TempDir())
	for _, f := range c.all() {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.ReplaceAll(string(b), "Acme Cloud Ltd", "Acme Cloud Inc")
		if edited == string(b) {
			t.Fatalf("%s does not name its subject", filepath.Base(f))
		}
		if err := os.WriteFile(f, []byte(edited), 0o600); err != nil {
			t.Fatal(err)
		}
		if f == c.export {
			s.fails("the content of the export is not as assay wrote it: ", "verify", "--against", f)
			continue
		}
		out := s.ok("verify", "--against", f)
		if !strings.Contains(out, "The database still holds the record "+f+" pins") ||
			!strings.Contains(out, "The content of "+f+" was not checked: ") || !strings.Contains(out, "so a copy edited after it was made passes too;") {
			t.Errorf("verify --against %s, edited:\n%s", filepath.Base(f), out)
		}
	}
}
