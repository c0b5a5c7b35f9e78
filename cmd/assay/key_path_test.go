package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A signing key's place taken by something that is not a file (a folder,
// as a mistaken mkdir or a sync tool leaves) is named for what it is, and
// nothing is recorded. The check of the key's mode ran first, and told the
// person to chmod 600 the folder.
func TestAKeyThatIsAFolderIsNamedSo(t *testing.T) {
	withUmask(t, 0o022)
	s := newCLISession(t)
	path := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "signing-key.pem")
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := s.run("", "subject", "add", "Acme")
	if code == 0 || !strings.Contains(errOut, "signing-key.pem is a folder, not a regular file") || strings.Contains(errOut, "chmod") {
		t.Fatalf("assay subject add with a folder for a key: exit %d, stderr %q; want the folder named as such", code, errOut)
	}
	if out := s.readOrNothingYet("subject", "list"); strings.Contains(out, "Acme") {
		t.Errorf("a subject was recorded unsigned:\n%s", out)
	}
}

// A change that cannot be signed (the key cannot be made or read: a
// config folder assay may not write, a folder where the key should be)
// says that nothing was recorded, as every other refused write does.
// Before, it said only why the key failed, leaving the person to guess
// whether the subject or answer was saved unsigned.
func TestAChangeThatCannotBeSignedSaysNothingWasRecorded(t *testing.T) {
	s := newCLISession(t)
	path := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "signing-key.pem")
	if err := os.MkdirAll(path, 0o700); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := s.run("", "new", "-q", "vendor-security-screen", "-s", "Acme")
	if code != 1 || !strings.Contains(errOut, "signing-key.pem") || !strings.Contains(errOut, "nothing was recorded") {
		t.Fatalf("assay new with no key to sign with: exit %d, stderr %q; want exit 1 naming the key and that nothing was recorded", code, errOut)
	}
	if out := s.listed(); strings.Contains(out, "Acme") {
		t.Errorf("an assessment was recorded unsigned:\n%s", out)
	}
}
