package main

import (
	"fmt"
	"strings"
	"testing"
)

// assay --help lists its commands in two columns, the commands on the
// left and what each does on the right, in an 80- and a 100-column
// terminal as in a wide one. fang pads every command to the longest one,
// and a row too wide for the terminal is read as one line of text
// (wraptext.Row): one long usage line (history's, with every flag, took
// 88 columns) turned the whole list into lines of text, each command's
// description starting wherever its name ended and wrapping under it.
// Each command's own help lists all its flags; the list names the
// command and its arguments.
func TestHelpCommandsReadAsTwoColumns(t *testing.T) {
	bin := assayBinary(t)
	for _, width := range []int{80, 100} {
		t.Run(fmt.Sprintf("%d columns", width), func(t *testing.T) {
			p := startTmuxSized(t, width, 80, []string{"NO_COLOR=1", "TERM=xterm-256color", "HOME=" + t.TempDir()},
				shellQuote(bin)+" --help; echo '=== end'; sleep 60")
			p.waitFor("the help printed", func(string) bool { return strings.Contains(p.history(false), "=== end") })
			rows := commandRows(p.history(false))
			if len(rows) < 20 {
				t.Fatalf("found %d rows under COMMANDS:\n%s", len(rows), p.history(false))
			}
			// The description column: where the first row's description
			// starts, after the gap of two or more spaces fang leaves.
			col := descriptionColumn(rows[0])
			if col < 0 || col > width-30 {
				t.Fatalf("the first command's description starts at column %d, leaving too little room in %d:\n%s", col, width, strings.Join(rows, "\n"))
			}
			for _, row := range rows {
				switch indent := len(row) - len(strings.TrimLeft(row, " ")); {
				case indent == 4: // a command
					if c := descriptionColumn(row); c != col {
						t.Errorf("a command's description starts at column %d, not %d as the first's:\n%s", c, col, row)
					}
				case indent != col: // a description's next line
					t.Errorf("a description's next line starts at column %d, not under the descriptions (%d):\n%s", indent, col, row)
				}
				if w := len([]rune(row)); w > width {
					t.Errorf("a row of %d columns in a %d-column terminal:\n%s", w, width, row)
				}
			}
		})
	}
}

// commandRows are the non-blank lines between COMMANDS and FLAGS.
func commandRows(help string) []string {
	var rows []string
	in := false
	for _, line := range strings.Split(help, "\n") {
		line = strings.TrimRight(line, " ")
		switch strings.TrimSpace(line) {
		case "COMMANDS":
			in = true
			continue
		case "FLAGS":
			return rows
		}
		if in && line != "" {
			rows = append(rows, line)
		}
	}
	return rows
}

// descriptionColumn is where a command row's description starts: after
// the first gap of two or more spaces past its indentation, or -1.
func descriptionColumn(row string) int {
	body := strings.TrimLeft(row, " ")
	gap := strings.Index(body, "  ")
	if gap < 0 {
		return -1
	}
	rest := body[gap:]
	return len(row) - len(body) + gap + len(rest) - len(strings.TrimLeft(rest, " "))
}
