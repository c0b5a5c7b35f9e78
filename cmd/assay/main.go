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
	args, stdin := os.Args[1:], os.Stdin
	if helpWithoutColour(args, os.Environ()) {
		// Before writing help, fang asks the terminal its background
		// colour (raw mode, OSC 11, up to two seconds a wait for an
		// answer some terminals never send) when os.Stdin and os.Stdout
		// are both terminals. This help has no colour, so the answer
		// would change nothing: fang is shown no stdin to ask on. assay
		// reads its input from stdin, given to run, not from os.Stdin.
		os.Stdin = nil
	}
	code := run(ctx, args, stdin, os.Stdout, os.Stderr, os.Getenv)
	if sig := interrupted(); sig != 0 {
		code = interruptedExit(os.Stderr, sig)
	}
	os.Exit(code)
}
