//go:build !linux

package main

import "testing"

// The subtests that mount a file system (diskfull_linux_test.go,
// readonly_linux_test.go) use Linux's mount(2); elsewhere they are
// skipped, saying why, and the rest of their tests run.

func fullFileSystemSaysSo(t *testing.T, _ string) {
	t.Skip("a really full disk is tried on a small tmpfs, which these tests mount on Linux only")
}

func readOnlyMountCanBeRead(t *testing.T, _ string) {
	t.Skip("a read-only mount is tried with a bind mount, which these tests make on Linux only")
}
