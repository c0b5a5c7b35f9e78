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
		if restore := atExit.Load(); restore != nil {
			(*restore)()
		}
		os.Exit(interruptedExit(stderr, first))
	}()
	return ctx, func() syscall.Signal { return syscall.Signal(got.Load()) }
}

// atExit is what puts the terminal back (accessible mode's pastes
// marked) when an interrupt ends assay without returning.
var atExit atomic.Pointer[func()]

// beforeInterruptExit has restore run if an interrupt ends assay before
// the function it returns is called.
func beforeInterruptExit(restore func()) (done func()) {
	atExit.Store(&restore)
	return func() { atExit.CompareAndSwap(&restore, nil) }
}

// interruptSaid is set by a command that said in its own words what its
// interruption left (assay migrate: nothing copied, the target as it
// was), so that the general line below does not follow it.
var interruptSaid atomic.Bool

// interruptLeaves, set by a command while it knows what an interruption
// leaves (assay migrate, until its copy goes on to be committed), is what
// interruptedExit says in place of the general line: a command that does
// not stop by itself within interruptGrace, or that stopped before it
// could say so, is still said in its own words.
var interruptLeaves atomic.Pointer[string]

// interruptedExit says that assay was interrupted, unless the command
// said so itself, and returns the exit code a shell expects of a process
// ended by sig: 128 plus its number.
func interruptedExit(stderr io.Writer, sig syscall.Signal) int {
	switch words := interruptLeaves.Load(); {
	case interruptSaid.Load():
	case words != nil:
		fmt.Fprintln(stderr, *words)
	default:
		fmt.Fprintln(stderr, "assay: interrupted; every change assay confirmed is saved")
	}
	return 128 + int(sig)
}
