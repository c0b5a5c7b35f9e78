package main

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// Accessible mode echoes what is typed itself (the terminal's echo is
// off), and erased a character with Backspace, space, Backspace. Once the
// line typed had wrapped at the terminal's width, that erased nothing on
// the line above: a Backspace in the first column stays there (xterm's
// default, without reverse wraparound), so a sighted colleague beside a
// screen reader's user saw characters that were no longer in the line.
// And with the line filling the last column exactly, the cursor waits
// there for the next character, and a Backspace moved it one column too
// far: the wrong character was erased. Here, on a terminal 20 columns
// wide and then, resized, 12, the screen as xterm draws it shows the line
// as it is, whatever was erased.
func TestAccessibleErasesAcrossTheTerminalsWidth(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	master, slave := openPTY(t)
	resize := func(cols int) {
		if err := unix.IoctlSetWinsize(int(master.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: uint16(cols)}); err != nil {
			t.Fatal(err)
		}
	}
	resize(20)
	cmd, shown := startOnPTY(t, master, slave, bin, env, "--accessible")
	screen := &xtermScreen{cols: 20}
	refusals := 0
	// typed types keys, erases some with Backspace, and presses Enter at
	// the list: the line left is refused as no assessment's number, and
	// is what the screen shows above the refusal.
	typed := func(keys string, backspaces int, left string) {
		t.Helper()
		waitOutput(t, shown, "or q to quit:", refusals+1)
		refusal := "There is no assessment " + left + " in the list."
		before := strings.Count(shown.String(), refusal)
		typeOnPTY(t, master, keys+strings.Repeat("\x7f", backspaces)+"\r")
		refusals++
		waitOutput(t, shown, refusal, before+1)
		out := shown.String()
		end := strings.LastIndex(out, refusal) + len(refusal)
		screen.write(out[screen.read:end])
		screen.read = end
		rows := screen.rows
		at := len(rows) - 1
		for at > 0 && !strings.HasPrefix(rows[at], "There is no") {
			at--
		}
		if at == 0 || rows[at-1] != left {
			t.Errorf("%d columns, %q typed, %d erased: the screen shows %q above the refusal, want %q:\n%s",
				screen.cols, keys, backspaces, rows[max(at-1, 0)], left, strings.Join(rows[max(at-3, 0):], "\n"))
		}
	}
	typed("abcdefghijklmnopqrstuvwxy", 10, "abcdefghijklmno")       // 5 on the second row, and 5 on the first
	typed("abcdefghijklmnopqrst", 1, "abcdefghijklmnopqrs")         // the last column, exactly
	typed("abcdefghijklmnopqrstuvwxyz12345", 16, "abcdefghijklmno") // the row's last character, and past it
	resize(12)
	screen.cols = 12
	typed("abcdefghijklmnopq", 7, "abcdefghij")
	typed("abcdefghijkl", 1, "abcdefghijk")
	typeOnPTY(t, master, "q\r")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("assay --accessible: %v\n%s", err, shown.String())
	}
}

// xtermScreen draws what a program writes as xterm does by default, for
// the little accessible mode writes: text wraps at the width, the cursor
// waiting in the last column until the next character comes; a Backspace
// moves one column left and never to the row above (no reverse
// wraparound), from the last column too; carriage return, line feed,
// cursor up (CSI A), to a column (CSI G) and erase to the row's end (CSI
// K). Other escape sequences (bracketed paste's) draw nothing. A resize
// changes the width of what comes after, as xterm does not reflow.
type xtermScreen struct {
	cols     int
	rows     []string // each row's text, without trailing blanks
	row, col int
	wrapNext bool // the cursor waits in the last column
	read     int  // how much of the output was drawn
}

func (s *xtermScreen) write(out string) {
	rs := []rune(out)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; {
		case r == '\r':
			s.col, s.wrapNext = 0, false
		case r == '\n':
			s.row, s.wrapNext = s.row+1, false
		case r == '\b':
			s.col, s.wrapNext = max(s.col-1, 0), false
		case r == 0x1b && i+1 < len(rs) && rs[i+1] == '[':
			j := i + 2
			for j < len(rs) && (rs[j] < 0x40 || rs[j] > 0x7e) {
				j++
			}
			if j == len(rs) {
				return
			}
			n, err := strconv.Atoi(string(rs[i+2 : j]))
			if err != nil || n == 0 {
				n = 1
			}
			switch rs[j] {
			case 'A':
				s.row = max(s.row-n, 0)
			case 'G':
				s.col = min(n-1, s.cols-1)
			case 'K':
				s.put(func(row []rune) []rune { return row[:min(s.col, len(row))] })
			}
			s.wrapNext = false
			i = j
		case r < 0x20:
		default:
			if s.wrapNext {
				s.row, s.col, s.wrapNext = s.row+1, 0, false
			}
			s.put(func(row []rune) []rune {
				for len(row) <= s.col {
					row = append(row, ' ')
				}
				row[s.col] = r
				return row
			})
			if s.col == s.cols-1 {
				s.wrapNext = true
			} else {
				s.col++
			}
		}
	}
}

// put changes the cursor's row with edit.
func (s *xtermScreen) put(edit func([]rune) []rune) {
	for len(s.rows) <= s.row {
		s.rows = append(s.rows, "")
	}
	s.rows[s.row] = strings.TrimRight(string(edit([]rune(s.rows[s.row]))), " ")
}
