// Command assay runs privacy, fairness and third-party risk assessments in
// the terminal. With no arguments it opens the TUI; the subcommands do the
// same work for scripts.
package main

import (
	"context"
	"os"
	"syscall"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// interruptSignals are the signals that cancel a running command. Every
// answer is already committed when it is given, so an interrupt loses
// nothing that was saved.
var interruptSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}
