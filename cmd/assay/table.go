package main

import (
	"bufio"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/safetext"
)

// table is every table the command line prints (list, plan, overdue, due,
// subject list and show, questionnaires, keys, team): columns measured in
// terminal cells, as the terminal draws them, not in characters. A name in
// Japanese, Korean or Chinese takes two cells a character, a combining
// accent or a joiner none, an emoji sequence two: text/tabwriter counted
// characters, so one such name pushed every later column of its row out
// of line. Every cell is cleaned (safetext.OneLine): untrusted text
// never brings an escape sequence, a line break or a tab into a table.
// On a standard output whose locale is not UTF-8, its own mark (the
// ellipsis of a cut cell) is ASCII (table_locale.go).
type table struct {
	header []string
	rows   [][]string
	limit  []int // a column's most cells, 0 for none
}

// newTable starts a table with its column headings.
func newTable(header ...string) *table {
	return &table{header: header, limit: make([]int, len(header))}
}

// limitColumn cuts column i's cells to at most n cells, the last of
// them an ellipsis: an owner or an action is not allowed to push the
// columns after it off the screen.
func (t *table) limitColumn(i, n int) *table {
	t.limit[i] = n
	return t
}

// row adds a row; it has one cell per heading.
func (t *table) row(cells ...string) {
	t.rows = append(t.rows, cells)
}

// write prints the table: every column but the last padded to its widest
// cell and two spaces.
func (t *table) write(w io.Writer) error {
	rows := make([][]string, 0, len(t.rows)+1)
	rows = append(rows, t.fitted(t.header))
	for _, r := range t.rows {
		rows = append(rows, t.fitted(r))
	}
	if inASCII(w) {
		for _, r := range rows {
			for i := range r {
				r[i] = asciiCell(r[i])
			}
		}
	}
	width := make([]int, len(t.header))
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], cellWidth(c))
		}
	}
	b := bufio.NewWriter(w)
	for _, r := range rows {
		writeCells(b, r, width)
	}
	return b.Flush()
}

// fitted is a row's cells cleaned and cut to their columns' limits.
func (t *table) fitted(r []string) []string {
	out := make([]string, len(r))
	for i, c := range r {
		c = safetext.OneLine(c)
		if i < len(t.limit) && t.limit[i] > 0 {
			c = truncateCells(c, t.limit[i])
		}
		out[i] = c
	}
	return out
}

// writeCells writes one row of cells already cleaned: every one but the
// last padded to its column's width and two spaces, or followed by one
// space when it is wider than its column (only a list's row damaged
// outside assay can be: lister.table).
func writeCells(w *bufio.Writer, cells []string, width []int) {
	for i, c := range cells {
		w.WriteString(c)
		if i == len(cells)-1 {
			break
		}
		w.WriteString(spaces(max(width[i]+2-cellWidth(c), 1)))
	}
	w.WriteByte('\n')
}

// cellWidth is how many terminal cells s takes, grapheme by grapheme, as
// the interactive screens and wraptext measure it.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s) // printable ASCII, as most cells are: a cell a byte
}

// truncateCells cuts s to at most n cells, the last an ellipsis when
// anything was cut; a wide character is never cut in half.
func truncateCells(s string, n int) string {
	if cellWidth(s) <= n {
		return s
	}
	return ansi.Truncate(s, n, "…")
}

// padCells pads s with spaces to n cells.
func padCells(s string, n int) string {
	return s + spaces(max(n-cellWidth(s), 0))
}

func spaces(n int) string { return strings.Repeat(" ", n) }
