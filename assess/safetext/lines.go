package safetext

import "strings"

// Lines is text someone may have written in lines or paragraphs (a note,
// an action, a reason) as lines to show one under another: each cleaned
// as OneLine cleans it, and "" where a paragraph ends, however many blank
// lines parted it from the next. Blank lines before the first line and
// after the last are dropped; blank text has no lines. Every place that
// keeps a note's lines (the report, assay plan's listing) reads them so.
func Lines(s string) []string {
	var lines []string
	blank := false
	for _, line := range strings.Split(Clean(s), "\n") {
		line = OneLine(line)
		switch {
		case line == "":
			blank = true
			continue
		case len(lines) > 0 && blank:
			lines = append(lines, "")
		}
		lines = append(lines, line)
		blank = false
	}
	return lines
}
