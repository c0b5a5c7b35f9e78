package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Without --format, the file's name says which format to write, as the
// workspace's export does: assay report 3 -o acme.pdf was refused, asking
// for the --format the name had already given. A --format given and a
// name for another are still refused (report_formats_test.go).
func TestTheOutputNameChoosesTheFormatWhenNoneIsGiven(t *testing.T) {
	s := newCLISession(t)
	id := s.start("scoring-basics", "Acme", "2026-01-10", "mfa: no")
	dir := t.TempDir()
	for _, c := range []struct {
		args  []string
		file  string
		magic string
	}{
		{[]string{"report", id}, "acme.pdf", "%PDF-"},
		{[]string{"report", id}, "acme.DOCX", "PK\x03\x04"},
		{[]string{"report", id}, "acme.html", "<!DOCTYPE html>"},
		// .htm is HTML too: it was written as Markdown.
		{[]string{"report", id}, "acme.htm", "<!DOCTYPE html>"},
		{[]string{"report", id}, "acme.md", "Committee report\n\n# "},
		{[]string{"report", id}, "plan.csv", "\ufeffItem,"},
		{[]string{"plan", id}, "plan.csv", "\ufeffItem,"},
	} {
		path := filepath.Join(dir, c.file)
		s.ok(append([]string{"--questionnaires", testdataQuestionnaires}, append(c.args, "-o", path)...)...)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(c.magic)) {
			t.Errorf("%s -o %s wrote %.40q, not a file starting %q", c.args[0], c.file, b, c.magic)
		}
		os.Remove(path)
	}
}
