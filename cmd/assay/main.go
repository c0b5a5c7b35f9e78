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
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	if sig := interrupted(); sig != 0 {
		code = interruptedExit(os.Stderr, sig)
	}
	os.Exit(code)
}
