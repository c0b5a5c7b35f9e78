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
// it would follow it. plantedFile says the same of an existing file
// written over (fs.protected_regular), by the same rule.
func plantedLink(dir string, link fs.FileInfo) string {
	return plantedIn(dir, link)
}

// plantedFile: see plantedLink.
func plantedFile(dir string, file fs.FileInfo) string {
	return plantedIn(dir, file)
}

func plantedIn(dir string, fi fs.FileInfo) string {
	di, err := os.Stat(dir)
	if err != nil {
		return ""
	}
	fileSys, ok1 := fi.Sys().(*syscall.Stat_t)
	dirSys, ok2 := di.Sys().(*syscall.Stat_t)
	if !ok1 || !ok2 {
		return ""
	}
	return strangerInSharedFolder(di.Mode(), dirSys.Uid, fileSys.Uid, uint32(os.Geteuid()))
}

// strangerInSharedFolder is the kernel's rule for links and files in
// shared folders: in a sticky folder anyone may write to (as /tmp), one
// owned by neither the user (me) nor the folder's owner may have been
// put there by another user to catch a write. It says why, or "".
func strangerInSharedFolder(dirMode fs.FileMode, dirOwner, owner, me uint32) string {
	if dirMode&fs.ModeSticky == 0 || dirMode.Perm()&0o002 == 0 || owner == me || owner == dirOwner {
		return ""
	}
	return fmt.Sprintf("it belongs to another user (uid %d), neither you nor the folder's owner", owner)
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
