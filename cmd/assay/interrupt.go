package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"
)

// interruptSignals are the signals that end a running command: Ctrl-C and
// SIGTERM.
var interruptSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// interruptGrace is how long a command may take to stop by itself after
// the first signal before assay ends it.
const interruptGrace = 3 * time.Second

// interruptible returns a context cancelled at the first Ctrl-C or
// SIGTERM, and a function that says which signal came, if any.
//
// Cancelling stops a command at its next step: a store call in progress is
// interrupted and its transaction rolled back, and the workspace restores
// the terminal. A command that does not stop by itself (one waiting on a
// read that never returns, such as a line nobody types) is ended at a
// second signal or after interruptGrace, so that assay can always be
// stopped. Ending it then loses nothing confirmed either: every change is
// its own transaction, committed before assay reports it, and SQLite makes
// one cut short as if it had never begun.
func interruptible(parent context.Context, stderr io.Writer) (context.Context, func() syscall.Signal) {
	ctx, cancel := context.WithCancel(parent)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, interruptSignals...)
	var got atomic.Int32
	go func() {
		first := (<-sigs).(syscall.Signal)
		got.Store(int32(first))
		cancel()
		select {
		case <-sigs:
		case <-time.After(interruptGrace):
		}
		os.Exit(interruptedExit(stderr, first))
	}()
	return ctx, func() syscall.Signal { return syscall.Signal(got.Load()) }
}

// interruptedExit says that assay was interrupted and returns the exit
// code a shell expects of a process ended by sig: 128 plus its number.
func interruptedExit(stderr io.Writer, sig syscall.Signal) int {
	fmt.Fprintln(stderr, "assay: interrupted; every change assay confirmed is saved")
	return 128 + int(sig)
}
