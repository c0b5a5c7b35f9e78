// Command assay runs privacy, fairness and third-party risk assessments in
// the terminal. With no arguments it opens the TUI; the subcommands do the
// same work for scripts.
package main

import (
	"context"
	"os"
)

func main() {
	ctx, interrupted := interruptible(context.Background(), os.Stderr)
	beforePlainHelp = func() {
		// Before writing help, asked for or not, fang asks the terminal
		// its background colour (raw mode, OSC 11, up to two seconds a
		// wait for an answer some terminals never send) when os.Stdin
		// and os.Stdout are both terminals. Help without colour does not
		// need the answer: fang is shown no stdin to ask on. assay reads
		// its input from the stdin given to run, not from os.Stdin.
		if helpWithoutColour(os.Environ()) {
			os.Stdin = nil
		}
	}
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	if sig := interrupted(); sig != 0 {
		code = interruptedExit(os.Stderr, sig)
	}
	os.Exit(code)
}
