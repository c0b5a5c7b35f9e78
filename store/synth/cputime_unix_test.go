//go:build unix

package synth_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used, on every core: on a
// shared machine it moves less than the time on the clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
