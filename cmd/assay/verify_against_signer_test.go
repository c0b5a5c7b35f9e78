package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// verify --against says who signed the pinned ledger entry as this
// database registers its key, and refuses a copy that names someone else:
// the name in a report's record line, an OSCAL file's record-signer or an
// export's head is not signed, and verify repeated it as checked ("Ledger
// entry 4, signed by Mallory Fox ..., is unchanged") when only it had been
// edited.
func TestVerifyAgainstChecksTheSignersName(t *testing.T) {
	s := newCLISession(t)
	s.env["ASSAY_REVIEWER"] = "Dana Quill"
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	c := s.copiesOf(id, t.TempDir())
	for _, f := range c.all() {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "Dana Quill") {
			t.Fatalf("%s does not name its signer", filepath.Base(f))
		}
		// The Markdown report may wrap the name over two lines.
		forged := writeFile(t, t.TempDir(), filepath.Base(f), regexp.MustCompile(`Dana\s+Quill`).ReplaceAllString(string(b), "Mallory Fox"))
		code, out, errOut := s.run("", "verify", "--against", forged)
		if code == 0 || !strings.Contains(errOut, `names "Mallory Fox" as the signer of ledger entry`) || !strings.Contains(errOut, `"Dana Quill"`) {
			t.Errorf("verify --against %s naming another signer: exit %d\nstdout:\n%s\nstderr:\n%s", filepath.Base(f), code, out, errOut)
		}
	}
}

// A name that reports escape (Markdown's backslashes, HTML's entities) is
// read back from every copy as the one the database registers; the HTML
// report, which has no backslash escapes, lost the backslash of a name
// that had one.
func TestVerifyAgainstReadsEscapedSignersBack(t *testing.T) {
	s := newCLISession(t)
	s.env["ASSAY_REVIEWER"] = `Ana  O'Brien \ & <Co> *x* _y_ [z]`
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	for _, f := range s.copiesOf(id, t.TempDir()).all() {
		out := s.ok("verify", "--against", f)
		if !strings.Contains(out, `signed by Ana O'Brien \ & <Co> *x* _y_ [z] (key`) {
			t.Errorf("verify --against %s:\n%s", filepath.Base(f), out)
		}
	}
}
