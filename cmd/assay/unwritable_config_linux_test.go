package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Every change is signed with your key, made in the config folder on
// your first change. Where that folder cannot be made (a read-only
// home: a folder without write permission, or, for root, whom
// permissions do not stop, a read-only mount), the change is refused,
// saying the key could not be made and that nothing was recorded: no
// database is created for a first change, and a database already there
// is left as it was, still verifying.
func TestAChangeWithNoRoomForTheSigningKeyRecordsNothing(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	noConfig := withEnv(env, "XDG_CONFIG_HOME", filepath.Join(readOnlyFolder(t), "config"))
	refused := func(r procResult) {
		t.Helper()
		if r.code != 1 || !strings.Contains(r.errs, "your signing key") || !strings.Contains(r.errs, "nothing was recorded") {
			t.Errorf("assay %s with no room for the signing key: exit %d, stderr %q; want exit 1, the key named and nothing was recorded",
				strings.Join(r.args, " "), r.code, r.errs)
		}
	}

	fresh := filepath.Join(t.TempDir(), "first.db")
	refused(runProc(bin, withEnv(noConfig, "ASSAY_DB", fresh), "new", "-q", "vendor-security-screen", "-s", "Globex"))
	if names := folderNames(t, filepath.Dir(fresh)); len(names) != 0 {
		t.Errorf("the refused first change left %q", names)
	}

	refused(runProc(bin, noConfig, "new", "-q", "vendor-security-screen", "-s", "Globex"))
	refused(runProc(bin, noConfig, "subject", "add", "Initech", "--kind", "vendor"))
	if r := runProc(bin, env, "list"); r.code != 0 || strings.Contains(r.stdout, "Globex") || !strings.Contains(r.stdout, "Acme Cloud Ltd") {
		t.Errorf("after the refused changes, list: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if r := runProc(bin, env, "subject", "list"); strings.Contains(r.stdout, "Initech") {
		t.Errorf("the refused subject add recorded Initech:\n%s", r.stdout)
	}
	if r := runProc(bin, env, "verify"); r.code != 0 {
		t.Errorf("verify after the refused changes: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
}

// readOnlyFolder is an empty folder nothing may be written into: one
// without write permission, or, for root, a read-only tmpfs (skipping
// the test where root may not mount one).
func readOnlyFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		return dir
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_RDONLY, "size=64k"); err != nil {
		t.Skipf("cannot mount a read-only tmpfs as root here (%v): a folder root may not write is not tried", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}
