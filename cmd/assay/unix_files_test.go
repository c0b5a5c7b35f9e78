//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"
)

// What the tests make with Unix's system calls: a umask, a named pipe, a
// device. nonunix_files_test.go says why each is not tried elsewhere.

// withUmask runs the test under a umask that grants everything, so that
// only the modes assay itself asks for protect the files. The umask is
// process-wide: no test in this package runs in parallel.
func withUmask(t *testing.T, mask int) {
	t.Helper()
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}

// mkfifo makes a named pipe that nobody writes to: a reader that opens it
// waits for ever.
func mkfifo(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// mknodNull makes a character device like /dev/null in dir, so that the
// test never risks the real one; it needs root.
func mknodNull(t *testing.T, dir string) (string, bool) {
	path := filepath.Join(dir, "null")
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		return "", false
	}
	return path, true
}
