//go:build linux

// Package stophook lets the tests that kill assay midway make the kill
// land at a known point by construction, not by timing: a binary built
// with the tag assay_stop_hooks stops itself (SIGSTOP) at the point its
// environment names in ASSAY_TEST_STOP_AT, and the test, seeing it
// stopped, kills it there. Only files built with that tag import this
// package, so the assay that users run holds none of it.
package stophook

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// Env names the point a test binary stops at.
const Env = "ASSAY_TEST_STOP_AT"

// At stops the process when the environment names point, until it is
// killed (or continued). The signal goes to the calling thread itself
// (tgkill), which takes it on its way back from the system call, before
// running another instruction of assay: sent to the process (kill), it
// may be taken by another thread while this one carries on for a moment
// and finishes the write it was to stop in.
func At(point string) {
	if os.Getenv(Env) != point {
		return
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	_ = syscall.Tgkill(os.Getpid(), syscall.Gettid(), syscall.SIGSTOP)
}

// Hang holds the calling goroutine for good when the environment names
// point, the rest of the process running on: a step that does not end
// when it is asked to (a write stuck on a drive, a driver call that does
// not heed cancellation), which assay's interrupt must end by itself.
func Hang(point string) {
	if os.Getenv(Env) != point {
		return
	}
	for {
		time.Sleep(time.Hour) // a timer, so the runtime never takes the wait for a deadlock
	}
}
