package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// readOnlyMountCanBeRead is TestReadOnlyDatabaseCanBeReadAndSaysSoOnWrite
// on a read-only mount: the database's folder bind-mounted and remounted
// read-only, which only Linux does so (and only for root).
func readOnlyMountCanBeRead(t *testing.T, bin string) {
	base, data, _, env := readOnlyDB(t, bin)
	mnt := filepath.Join(base, "mnt")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount(data, mnt, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount a folder here (%v): needs root, so the read-only mount is not tried", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })
	if err := syscall.Mount("", mnt, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot make the bind mount read-only here: %v", err)
	}
	db := filepath.Join(mnt, "assay.db")
	for i, kv := range env {
		if strings.HasPrefix(kv, "ASSAY_DB=") {
			env[i] = "ASSAY_DB=" + db
		}
	}
	// As whoever runs the tests, root included: a read-only mount
	// binds root too.
	checkReadOnly(t, []string{bin}, env, base, db)
}
