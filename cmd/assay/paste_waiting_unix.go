//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package main

import (
	"io"
	"os"
)

// discardWaiting is tui.Deps.DiscardWaiting for a terminal: input that
// has arrived and not been read (waitingInput) is thrown away
// (flushInput), so that what a paste held after its own end marker
// answers nothing.
func discardWaiting(in io.Reader) func() bool {
	f, ok := in.(*os.File)
	if !ok {
		return nil
	}
	fd := int(f.Fd())
	return func() bool {
		n, err := waitingInput(fd)
		if err != nil || n == 0 {
			return false
		}
		_ = flushInput(fd)
		return true
	}
}
