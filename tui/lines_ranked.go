package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// How much a screen's line is needed on a terminal too short for all of
// them: the lower, the later it gives way (rankedText.fit).
const (
	rankTyped    = iota // the text being typed (a filter)
	rankSaid            // what went wrong: a key's error, a refusal
	rankSelected        // the row under the cursor, or what stands for the list (Loading…)
	rankMarked          // what the next key acts on (a comparison marked, a conflict)
	rankStatus          // the count and the sort order, the plan's summary
	rankReminder        // reassessments due
	rankHeading         // the columns' headings
	rankRow             // the other rows
	rankMore            // the rest: the selected item in full, how to start
	rankBlank           // a line with nothing on it
)

// rankedText is a screen's text written as a strings.Builder takes it,
// each line ranked by the first thing written on it: drawn whole when
// there is room, and on a terminal too short, as the lines most needed,
// in their order. The frame cut a screen's lines from its end, and on
// one or two lines what was kept was the count and the headings, never
// the row under the cursor.
type rankedText struct {
	lines []string
	ranks []int
}

// write adds s, whose lines carry rank, as WriteString would.
func (t *rankedText) write(s string, rank int) {
	if len(t.lines) == 0 {
		t.lines, t.ranks = []string{""}, []int{rankBlank}
	}
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			t.lines, t.ranks = append(t.lines, ""), append(t.ranks, rankBlank)
		}
		last := len(t.lines) - 1
		t.lines[last] += part
		if ansi.Strip(part) != "" {
			t.ranks[last] = min(t.ranks[last], rank)
		}
	}
}

// String is the whole text.
func (t *rankedText) String() string { return strings.Join(t.lines, "\n") }

// fit is the whole text if it has room lines, else the room lines most
// needed (of equal rank, the first), in their order.
func (t *rankedText) fit(room int) string {
	if len(t.lines) <= room || room < 1 {
		return t.String()
	}
	order := make([]int, len(t.lines))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return t.ranks[a] - t.ranks[b] })
	kept := order[:room]
	slices.Sort(kept)
	out := make([]string, len(kept))
	for i, at := range kept {
		out[i] = t.lines[at]
	}
	return strings.Join(out, "\n")
}
