//go:build unix

package store

import (
	"path/filepath"
	"syscall"
)

// wOK is W_OK of <unistd.h>, the same on every Unix.
const wOK = 2

// canWrite reports whether this process may change the database at path
// the way SQLite in WAL mode does: write the file, and create and remove
// the -wal and -shm files in its folder. access(2) answers for this user
// and its groups, read-only mounts included, without writing anything.
func canWrite(path string) bool {
	return syscall.Access(path, wOK) == nil && syscall.Access(filepath.Dir(path), wOK) == nil
}
