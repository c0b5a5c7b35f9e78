package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
)

// progressBar draws how far a long command has got on one line of a
// terminal, redrawn in place with a carriage return at most ten times a
// second, and erases it when done, so that what the command prints
// afterwards starts on a clean line. It draws nothing on a writer that
// is not a terminal (a pipe, a file, a log): no control sequence ever
// reaches one.
type progressBar struct {
	w     io.Writer
	what  string // what is counted: "assessments and subjects"
	width int
	last  time.Time
	drawn bool
}

// newProgressBar returns a bar on w, or nil when w is not a terminal
// that understands a carriage return and an erase (TERM=dumb does not).
func newProgressBar(w io.Writer, getenv func(string) string, what string) *progressBar {
	f, ok := fileOf(w)
	if !ok || !term.IsTerminal(f.Fd()) || getenv("TERM") == "dumb" {
		return nil
	}
	width := 80
	if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 20 {
		width = cols
	}
	return &progressBar{w: w, what: what, width: width}
}

// update draws done of total; the first and the last are always drawn.
func (p *progressBar) update(done, total int) {
	if p == nil {
		return
	}
	now := time.Now()
	if p.drawn && done < total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last, p.drawn = now, true
	fmt.Fprint(p.w, "\r"+progressLine(done, total, p.what, p.width-1)+"\x1b[K")
}

// done erases the bar.
func (p *progressBar) done() {
	if p == nil || !p.drawn {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
}

// progressLine is "Verifying [#####-----] 42% 4,200 of 10,000 what",
// at most width columns: the bar takes what the text leaves.
func progressLine(done, total int, what string, width int) string {
	pct := 100
	if total > 0 {
		pct = done * 100 / total
	}
	text := fmt.Sprintf(" %3d%% %s of %s %s", pct, thousands(done), thousands(total), what)
	barWidth := min(40, width-len("Verifying [] ")-len(text))
	if barWidth < 5 {
		return strings.TrimSpace(text)
	}
	fill := barWidth * pct / 100
	return "Verifying [" + strings.Repeat("#", fill) + strings.Repeat("-", barWidth-fill) + "]" + text
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
