//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
)

// lockKeyFolder holds an exclusive lock on the signing key's folder (a
// lock file beside the key) until unlock: two assay key new at once would
// each retire the key they read and put their own in its place, and the
// first one's new key, registered and signing already, would be lost. The
// lock goes with the process, so a killed run leaves none behind.
func lockKeyFolder(keyPath string) (unlock func(), err error) {
	dir := filepath.Dir(keyPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, ".signing-key.lock"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
