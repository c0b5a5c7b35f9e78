//go:build unix

package main

import (
	"errors"
	"syscall"
)

// processGone reports whether no process has the ID pid: the file a
// killed assay migrate was building is then nobody's.
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
