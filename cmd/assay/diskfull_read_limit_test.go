package main

import (
	"strings"
	"testing"
)

// A command that only reads still writes the -shm index beside a
// database with a -wal. Under a file size limit too small for it
// (ulimit -f), assay said that the disk was full or failing: the user
// went looking for space on a disk with plenty. It names the limit
// among the causes, as a write does.
func TestReadUnderAFileSizeLimitNamesTheLimit(t *testing.T) {
	bin, _, db, env := binaryWithAssessment(t)
	// 20 blocks of 512 bytes: less than the 32 KiB -shm index.
	r := runProc("/bin/sh", env, "-c", `ulimit -f 20 && exec "$0" list`, bin)
	r.args = []string{"list"}
	want := db + " could not be read: its disk is full, the -wal or -shm beside it is over a file size limit, or the disk is failing"
	if r.code != 1 || !strings.Contains(r.errs, want) || !strings.Contains(r.errs, "nothing could be read") {
		t.Errorf("assay list under ulimit -f 20: exit %d, stderr %q; want exit 1 and %q, nothing could be read", r.code, r.errs, want)
	}
	integrityOK(t, db)
}
