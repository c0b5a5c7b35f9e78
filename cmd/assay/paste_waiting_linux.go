//go:build linux

package main

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// discardWaiting is tui.Deps.DiscardWaiting for a terminal: input that
// has arrived and not been read (TIOCINQ) is thrown away (TCIFLUSH),
// so that what a paste held after its own end marker answers nothing.
func discardWaiting(in io.Reader) func() bool {
	f, ok := in.(*os.File)
	if !ok {
		return nil
	}
	fd := int(f.Fd())
	return func() bool {
		n, err := unix.IoctlGetInt(fd, unix.TIOCINQ)
		if err != nil || n == 0 {
			return false
		}
		_ = unix.IoctlSetInt(fd, unix.TCFLSH, unix.TCIFLUSH)
		return true
	}
}
