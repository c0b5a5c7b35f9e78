package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An export carries what assay import proves a file with: its questionnaire
// with its SHA-256, its audit records hash-chained to their head, and the
// head signed in the ledger. verify --against checked only that the
// database still held the record the export pinned, and said "content not
// checked", so a committee member holding an export edited after it was
// made (an answer's note, the subject) was told nothing was found. It now
// runs import's checks on the file: an edited export fails naming what
// differs; an intact one passes, and says what was checked and what no
// signature covers (who exported it, and when).
func TestVerifyAgainstChecksAnExportsContent(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no\nencryption: partial")
	s.ok("answer", id, "-f", writeFile(t, t.TempDir(), "note.yaml", "answers:\n  mfa:\n    note: Only admins use a second factor.\n"))
	c := s.copiesOf(id, t.TempDir())

	out := s.ok("verify", "--against", c.export)
	if !strings.Contains(out, "The content of "+c.export+" was checked as assay import checks an export:") ||
		!strings.Contains(out, "exported_by and exported_at are the file's word") || strings.Contains(out, "was not checked") {
		t.Errorf("verify --against the export as made:\n%s", out)
	}

	b, err := os.ReadFile(c.export)
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range []struct{ what, from, to, want string }{
		{"the subject", `"subject": "Acme Cloud Ltd"`, `"subject": "Acme Cloud Inc"`, `assessment.subject: the file says "Acme Cloud Inc" but its signed head says "Acme Cloud Ltd": the file was changed`},
		{"a note", "Only admins use a second factor.", "Everyone uses a second factor.", "(mfa): differs from audit record"},
		{"the questionnaire", `"version": "`, `"version": "9`, "questionnaire"},
	} {
		edited := strings.Replace(string(b), edit.from, edit.to, 1)
		if edited == string(b) {
			t.Fatalf("%s: the export has no %s", edit.what, edit.from)
		}
		f := writeFile(t, t.TempDir(), "export.json", edited)
		code, stdout, stderr := s.run("", "verify", "--against", f)
		if code != 1 || !strings.Contains(stderr, f+": the content of the export is not as assay wrote it: ") || !strings.Contains(stderr, edit.want) ||
			strings.Contains(stdout, "was checked as assay import checks") {
			t.Errorf("verify --against an export with %s edited: exit %d, stdout:\n%s\nstderr:\n%s", edit.what, code, stdout, stderr)
		}
	}
}

// A report and the OSCAL documents carry their pin and no signature over
// the rest of their content: verify says so for each, by its format.
func TestVerifyAgainstSaysPerFormatWhatIsNotChecked(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	c := s.copiesOf(id, t.TempDir())
	for f, kind := range map[string]string{c.report: "a Markdown report", c.html: "an HTML report", c.oscal: "an OSCAL document", c.results: "an OSCAL document"} {
		out := s.ok("verify", "--against", f)
		if !strings.Contains(out, "The content of "+f+" was not checked: "+kind+" carries no signature over its content") {
			t.Errorf("verify --against %s:\n%s", filepath.Base(f), out)
		}
	}
}
