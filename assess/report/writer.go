package report

import (
	"strconv"
	"strings"
)

// lineWidth is where prose wraps; markdownlint's MD013 allows 80.
const lineWidth = 80

// doc builds a Markdown document block by block, keeping exactly one blank
// line between blocks, as markdownlint requires.
type doc struct {
	b strings.Builder
}

func (d *doc) block(lines ...string) {
	if d.b.Len() > 0 {
		d.b.WriteString("\n")
	}
	for _, l := range lines {
		d.b.WriteString(strings.TrimRight(l, " "))
		d.b.WriteString("\n")
	}
}

func (d *doc) heading(level int, escapedTitle string) {
	d.block(strings.Repeat("#", level) + " " + escapedTitle)
}

// para writes escaped prose, wrapped.
func (d *doc) para(escaped string) {
	d.block(wrapBody(escaped, lineWidth, "", "")...)
}

// list writes escaped items as a bulleted list, each wrapped.
func (d *doc) list(items ...string) {
	var lines []string
	for _, it := range items {
		lines = append(lines, wrapBody(it, lineWidth, "- ", "  ")...)
	}
	if len(lines) > 0 {
		d.block(lines...)
	}
}

// numbered writes escaped items as an ordered list.
func (d *doc) numbered(items ...string) {
	var lines []string
	for i, it := range items {
		marker := strconv.Itoa(i+1) + ". "
		lines = append(lines, wrapBody(it, lineWidth, marker, strings.Repeat(" ", len(marker)))...)
	}
	if len(lines) > 0 {
		d.block(lines...)
	}
}

// table writes a table of escaped cells. Tables are exempt from the line
// length rule (see the directive at the end of the report).
func (d *doc) table(header []string, rows [][]string) {
	lines := []string{row(header), row(dashes(len(header)))}
	for _, r := range rows {
		lines = append(lines, row(r))
	}
	d.block(lines...)
}

func row(cells []string) string {
	out := make([]string, len(cells))
	for i, c := range cells {
		if c == "" {
			c = "-" // an empty cell would break markdownlint's compact table style
		}
		out[i] = c
	}
	return "| " + strings.Join(out, " | ") + " |"
}

func dashes(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "---"
	}
	return out
}

func (d *doc) String() string { return d.b.String() }
