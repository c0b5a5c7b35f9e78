package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assay new and assay subject add, run where there is no database yet
// with a name, kind, tier or reviewer they refuse, change nothing: the
// input is checked before the database opens, so no database, -wal, -shm
// or folder is left behind. Before, each left an empty portfolio at the
// place it was given (and the folders it made for it), which then listed
// as an empty one. The checks are made before the database opens rather
// than the file removed after: a run refused at the moment another one
// started on the same new file could remove what that one had recorded.
func TestRefusedFirstCommandCreatesNothing(t *testing.T) {
	bin := assayBinary(t)
	for _, tc := range []struct {
		what string
		args []string
		env  [2]string
		says string
	}{
		{"new with an escape sequence in the subject", []string{"new", "-q", "dpia", "-s", "A\x1b[31mB"}, [2]string{}, "escape sequence"},
		{"new with a subject name too long", []string{"new", "-q", "dpia", "-s", strings.Repeat("a", 300)}, [2]string{}, "at most 200"},
		{"new with an unknown kind", []string{"new", "-q", "dpia", "-s", "Acme", "--kind", "bogus"}, [2]string{}, "unknown subject kind"},
		{"new by a reviewer whose name holds an escape sequence", []string{"new", "-q", "dpia", "-s", "Acme"}, [2]string{"ASSAY_REVIEWER", "x\x1by"}, "reviewer holds an escape sequence"},
		{"subject add with an invisible character", []string{"subject", "add", "Ac\u200bme"}, [2]string{}, "invisible"},
		{"subject add with an unknown tier", []string{"subject", "add", "Acme", "--tier", "bogus"}, [2]string{}, "unknown tier"},
		{"subject add with a control character in the owner", []string{"subject", "add", "Acme", "--owner", "a\x07"}, [2]string{}, "control character"},
	} {
		t.Run(tc.what, func(t *testing.T) {
			home := t.TempDir()
			db := filepath.Join(home, "portfolios", "work", "assay.db")
			env := procEnv(home, db)
			if tc.env[0] != "" {
				env = withEnv(env, tc.env[0], tc.env[1])
			}
			r := runProc(bin, env, tc.args...)
			if r.code != 1 || !strings.Contains(r.errs, tc.says) {
				t.Fatalf("exit %d, stderr %q; want exit 1 saying %q", r.code, r.errs, tc.says)
			}
			if _, err := os.Lstat(filepath.Join(home, "portfolios")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the refused command left %s behind (%v)", filepath.Join(home, "portfolios"), err)
			}
		})
	}

	// The checks made first are the store's own, no stricter: a kind
	// given in capitals is taken as before.
	home := t.TempDir()
	env := procEnv(home, filepath.Join(home, "assay.db"))
	if r := runProc(bin, env, "new", "-q", "dpia", "-s", "Acme", "--kind", "Vendor"); r.code != 0 {
		t.Fatalf("new with --kind Vendor: exit %d: %s", r.code, r.errs)
	}
}
