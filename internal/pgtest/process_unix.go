//go:build unix

package pgtest

import (
	"errors"
	"syscall"
)

// processGone reports whether no process of this machine has ID pid: a
// signal 0 to it finds none.
func processGone(pid int) bool {
	err := syscall.Kill(pid, 0)
	return errors.Is(err, syscall.ESRCH)
}
