//go:build unix

package main

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// plantedLink says why the kernel's rule (fs.protected_symlinks) would
// refuse to follow link, a symbolic link in the folder dir, or "" when
// it would follow it: it refuses only in a sticky folder anyone may write
// to, and only a link owned by neither the follower nor the folder's
// owner.
func plantedLink(dir string, link fs.FileInfo) string {
	di, err := os.Stat(dir)
	if err != nil || di.Mode()&os.ModeSticky == 0 || di.Mode().Perm()&0o002 == 0 {
		return ""
	}
	linkSys, ok1 := link.Sys().(*syscall.Stat_t)
	dirSys, ok2 := di.Sys().(*syscall.Stat_t)
	if !ok1 || !ok2 {
		return ""
	}
	me := uint32(os.Geteuid())
	if linkSys.Uid == me || linkSys.Uid == dirSys.Uid {
		return ""
	}
	return fmt.Sprintf("it belongs to another user (uid %d), neither you nor the folder's owner", linkSys.Uid)
}

// mayNotWrite says why the user may not write the existing file path
// although its mode lets its owner write it (another user's file), or ""
// when they may.
func mayNotWrite(path string) string {
	const writeOK = 2 // W_OK
	if err := syscall.Access(path, writeOK); err != nil {
		return "you may not write it (" + err.Error() + ")"
	}
	return ""
}
