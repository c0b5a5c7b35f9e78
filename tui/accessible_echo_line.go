package tui

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// echoLine is accessible mode's echo (accessible_echo.go) and where on
// the terminal it put each character of the line being typed, so that
// Backspace erases a character where it is shown. Erased with Backspace,
// space, Backspace, a character on the row above, once the line had
// wrapped at the terminal's width, stayed shown: a Backspace in the first
// column goes nowhere (xterm without reverse wraparound). So did the
// right one of a line filling the last column exactly, where the cursor
// waits for the next character and terminals differ on where a Backspace
// takes it. Both are erased by putting the cursor on the character (up a
// row, to its column) and erasing to the row's end: the echo's own
// sequences, never text a person wrote. The width is read from the
// terminal at each key, so that after a resize the line is followed as
// the terminal wraps it again (tmux, most terminals today); one that
// does not rewrap keeps the rows it drew.
type echoLine struct {
	// mu makes each echo, and a notice said in the middle of the line
	// (interject), whole: the reader echoes from its own goroutine.
	mu    sync.Mutex
	out   io.Writer
	ascii bool
	// width is the terminal's width now (Deps.TerminalWidth); nil or 0
	// where it cannot be told: the line is then taken not to wrap.
	width func() int
	// cols is the width the places below were worked out for.
	cols  int
	shown []shownChar
	// row and col are the cursor's place, rows counted from the line's
	// first; col == cols is in the last column, waiting to wrap.
	row, col int
	// typed is what was echoed since the last Enter, a character at a
	// time ("\n" for a pasted line break): shown again under a notice
	// that interrupted it (interject).
	typed []string
}

// shownChar is one character echoed since the last line break: its
// place, and how many columns it takes (a tab as far as its tab stop).
type shownChar struct {
	row, col, cells int
	width           int // its own: 2 for a wide character, 0 for a combining one
	tab             bool
}

func newEchoLine(out io.Writer, ascii bool, width func() int) *echoLine {
	return &echoLine{out: out, ascii: ascii, width: width}
}

// show echoes s, in ASCII when every line said is (Deps.ASCII).
func (l *echoLine) show(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.showLocked(s)
}

// entered echoes the Enter that ends an input: nothing is being typed
// after it until the next prompt.
func (l *echoLine) entered() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.showLocked("\n")
	l.typed = l.typed[:0]
}

// interject says lines (each ending with a line break) while a line is
// being typed, as a notice arriving at a prompt (the day changing): on a
// line of their own, not after what was typed, which is then shown again
// under them, where the person types on. lines end with the prompt said
// again, so that what is shown again is shown under what it answers.
func (l *echoLine) interject(lines string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.typed) > 0 {
		l.write("\n")
	}
	l.write(lines)
	again := strings.Join(l.typed, "")
	l.shown, l.row, l.col, l.typed = l.shown[:0], 0, 0, l.typed[:0]
	l.showLocked(again)
}

func (l *echoLine) showLocked(s string) {
	for _, r := range s {
		l.typed = append(l.typed, string(r))
	}
	if l.ascii {
		s = asciiLine(s)
	}
	l.fit()
	for _, r := range s {
		if r == '\n' {
			l.shown, l.row, l.col = l.shown[:0], 0, 0
			continue
		}
		c := shownChar{tab: r == '\t', width: ansi.StringWidth(string(r))}
		l.place(&c)
		l.shown = append(l.shown, c)
	}
	_, _ = io.WriteString(l.out, s)
}

// eraseLast erases the last character shown on the line, where it is.
func (l *echoLine) eraseLast() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.shown) == 0 {
		return
	}
	l.typed = l.typed[:len(l.typed)-1]
	l.fit()
	c := l.shown[len(l.shown)-1]
	l.shown = l.shown[:len(l.shown)-1]
	switch {
	case c.cells == 0:
		// Nothing of its own to erase (a combining mark, a tab at the
		// row's end).
	case c.row == l.row && (l.cols == 0 || l.col < l.cols):
		back := strings.Repeat("\b", l.col-c.col)
		l.write(back + strings.Repeat(" ", l.col-c.col) + back)
	default:
		var up string
		if n := l.row - c.row; n > 0 {
			up = fmt.Sprintf("\x1b[%dA", n)
		}
		l.write(fmt.Sprintf("%s\x1b[%dG\x1b[K", up, c.col+1))
	}
	l.row, l.col = c.row, c.col
}

func (l *echoLine) write(s string) { _, _ = io.WriteString(l.out, s) }

// place puts c at the cursor, as the terminal does, and moves the cursor
// past it: a character that does not fit in what is left of the row
// wraps to the next; a tab goes to the next stop (every 8 columns) and
// no further than the last column.
func (l *echoLine) place(c *shownChar) {
	if c.tab {
		stop := (l.col/8 + 1) * 8
		if l.cols > 0 {
			stop = min(stop, l.cols-1)
		}
		c.row, c.col, c.cells = l.row, l.col, max(stop-l.col, 0)
		l.col += c.cells
		return
	}
	if l.cols > 0 && c.width > 0 && l.col+c.width > l.cols {
		l.row, l.col = l.row+1, 0
	}
	c.row, c.col, c.cells = l.row, l.col, c.width
	l.col += c.width
}

// fit reads the terminal's width and, when it changed, works out again
// where the line's characters are: the terminal has wrapped the line
// anew at its width.
func (l *echoLine) fit() {
	cols := 0
	if l.width != nil {
		cols = max(l.width(), 0)
	}
	if cols == l.cols {
		return
	}
	l.cols, l.row, l.col = cols, 0, 0
	for i := range l.shown {
		l.place(&l.shown[i])
	}
}
