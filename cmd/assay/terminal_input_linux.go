package main

import "golang.org/x/sys/unix"

// waitingInput is how many bytes the terminal holds that nobody has read.
func waitingInput(fd int) (int, error) { return unix.IoctlGetInt(fd, unix.TIOCINQ) }

// flushInput throws away what the terminal holds unread (tcflush TCIFLUSH).
func flushInput(fd int) error { return unix.IoctlSetInt(fd, unix.TCFLSH, unix.TCIFLUSH) }

// The requests that read and set a terminal's modes (tcgetattr, tcsetattr).
const (
	getTermios = unix.TCGETS
	setTermios = unix.TCSETS
)
