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
	if out := s.ok("subject", "list"); strings.Contains(out, "Acme") {
		t.Errorf("a subject was recorded unsigned:\n%s", out)
	}
}
