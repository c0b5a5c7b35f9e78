//go:build unix

package main

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// processGone reports whether no process has the ID pid: the file a
// killed assay migrate was building is then nobody's.
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}

// ownedByMe reports whether fi, a file's Lstat, is this user's (by the
// effective user ID, the one files are created with).
func ownedByMe(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Uid == uint32(os.Geteuid())
}
