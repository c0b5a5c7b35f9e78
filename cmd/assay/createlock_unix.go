//go:build unix

package main

import (
	"os"
	"syscall"
)

// lockFolder holds an exclusive lock on dir itself until unlock: the runs
// that find no database there take turns to create it (db_first.go). No
// file is made for it, and the lock goes with the process. same says
// whether dir is still the folder locked: a refused run that made it
// removes it again, empty, while another waits on it.
func lockFolder(dir string) (unlock func(), same bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, false, err
	}
	locked, lerr := f.Stat()
	now, nerr := os.Stat(dir)
	return func() { f.Close() }, lerr == nil && nerr == nil && os.SameFile(locked, now), nil
}
