//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package main

import "golang.org/x/sys/unix"

// fionread is FIONREAD of <sys/filio.h>, _IOR('f', 127, int): the same
// number on macOS and every BSD, which golang.org/x/sys/unix does not
// export for them.
const fionread = 0x4004667f

// freadQueue is FREAD of <sys/fcntl.h>: TIOCFLUSH given it flushes the
// input queue only, as tcflush(fd, TCIFLUSH) does there.
const freadQueue = 0x1

// waitingInput is how many bytes the terminal holds that nobody has read.
func waitingInput(fd int) (int, error) { return unix.IoctlGetInt(fd, fionread) }

// flushInput throws away what the terminal holds unread.
func flushInput(fd int) error { return unix.IoctlSetPointerInt(fd, unix.TIOCFLUSH, freadQueue) }

// The requests that read and set a terminal's modes (tcgetattr, tcsetattr).
const (
	getTermios = unix.TIOCGETA
	setTermios = unix.TIOCSETA
)
