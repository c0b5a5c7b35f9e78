package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/assay-dev/assay/tui"
)

// What a terminal is told so that it marks pastes (bracketed paste), and
// told again so that it stops: a terminal left marking them sends the
// markers to the shell after assay, as stray characters.
const (
	bracketedPasteOn  = "\x1b[?2004h"
	bracketedPasteOff = "\x1b[?2004l"
)

// marksPastes reports whether accessible mode asks the terminal to mark
// pastes: when it reads keys from a terminal and writes to one that can
// take the request (not TERM=dumb), as the full-screen workspace needs.
// Piped or redirected, input is read a line an input, as scripts and
// tests give it.
func marksPastes(in io.Reader, out io.Writer, termName string) bool {
	return plainPromptsReason(readsTerminal(in), isTerminal(out), termName) == ""
}

// runAccessible runs accessible mode; on a terminal with pastes marked,
// so that a paragraph pasted at an answer is that answer, not one answer
// a line, and the terminal's echo off, accessible mode echoing instead.
// Marking is turned off, and the echo on, on every way out: a return, an
// error, a panic, and an interrupt that ends assay before the return.
func (a *app) runAccessible(ctx context.Context, deps tui.Deps) error {
	deps.BracketedPaste = marksPastes(a.stdin, a.stdout, a.getenv("TERM"))
	if deps.BracketedPaste {
		deps.DiscardWaiting = discardWaiting(a.stdin)
		// The terminal's echo would show a paste's markers, for a
		// screen reader to read out: accessible mode echoes instead.
		echoAgain, restoreEcho, echoing := echoOff(a.stdin)
		deps.EchoTyped = echoing
		deps.TerminalWidth = terminalWidth(a.stdout)
		on := func() {
			if echoing {
				echoAgain()
			}
			fmt.Fprint(a.stdout, bracketedPasteOn)
		}
		stopResume := onResume(on)
		off := func() {
			stopResume()
			if echoing {
				restoreEcho()
			}
			fmt.Fprint(a.stdout, bracketedPasteOff)
		}
		fmt.Fprint(a.stdout, bracketedPasteOn)
		defer beforeInterruptExit(off)()
		defer off()
	}
	return tui.RunAccessible(ctx, deps, a.stdin, a.stdout)
}

// terminalWidth is tui.Deps.TerminalWidth for the terminal out is: its
// width in columns, read each time, so that a resize is known at the next
// key; 0 where it cannot be read.
func terminalWidth(out io.Writer) func() int {
	f, ok := out.(*os.File)
	if !ok {
		return nil
	}
	return func() int {
		cols, _, err := term.GetSize(f.Fd())
		if err != nil {
			return 0
		}
		return cols
	}
}
