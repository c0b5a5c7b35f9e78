//go:build !unix

package main

import "testing"

// Where there is no umask, no named pipe in a folder and no device node
// (Windows), the tests that need one are skipped, saying why
// (unix_files_test.go makes them on Unix).

func withUmask(t *testing.T, _ int) {
	t.Helper()
	t.Skip("file modes under a umask are tried on Unix only: this system has no umask")
}

func mkfifo(t *testing.T, _, _ string) string {
	t.Helper()
	t.Skip("a named pipe in a folder is tried on Unix only")
	return ""
}

// mknodNull makes no device here: the tests that take one skip it.
func mknodNull(*testing.T, string) (string, bool) { return "", false }
