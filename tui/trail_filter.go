package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"

	"github.com/assay-dev/assay/assess/history"
)

// trailFilter is the trail screen's /: it keeps the records whose
// number, time, author, question IDs or words hold what is typed, in any
// case (history.Entry.Words, as history.Filter's Text keeps them). Each
// record's words are put together once, when the trail is read, and a
// letter typed searches only what the letters before it kept (as the
// portfolio's filterMemo does), so a long trail keeps up with typing.
type trailFilter struct {
	input  textinput.Model
	typing bool
	// haystacks are each entry's question IDs, author and text, lower
	// case, in the trail's order.
	haystacks []string
	// lastNeedle and lastKept are the last search and what it kept.
	lastNeedle string
	lastKept   []int
	// wrappedAt holds each entry's lines wrapped to the screen's width,
	// by entry number, filled as entries are shown.
	wrappedAt map[int64][]string
}

func newTrailFilter(entries []history.Entry) trailFilter {
	ti := textinput.New()
	ti.Prompt = "/"
	ti.Placeholder = "filter by question ID, person or text"
	ti.CharLimit = 200
	f := trailFilter{input: ti, haystacks: make([]string, len(entries))}
	for i, e := range entries {
		f.haystacks[i] = e.Words()
	}
	f.lastKept = allIndices(len(entries))
	return f
}

func allIndices(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// needle is what the filter looks for: what is typed, trimmed, in lower
// case, as history.Filter's Text looks for it (the export writes what
// that filter keeps, which must be what is shown).
func (f *trailFilter) needle() string {
	return history.Needle(f.input.Value())
}

// matches are the indices of the entries that hold the needle, in order.
func (f *trailFilter) matches() []int {
	needle := f.needle()
	if needle == f.lastNeedle {
		return f.lastKept
	}
	within := f.lastKept
	if !containsAll(needle, f.lastNeedle) {
		within = allIndices(len(f.haystacks))
	}
	kept := make([]int, 0, len(within))
	for _, i := range within {
		if strings.Contains(f.haystacks[i], needle) {
			kept = append(kept, i)
		}
	}
	f.lastNeedle, f.lastKept = needle, kept
	return kept
}

// wrapped is entry e laid out for width, wrapped once a width.
func (f *trailFilter) wrapped(e history.Entry, width int) []string {
	if ls, ok := f.wrappedAt[e.Seq]; ok {
		return ls
	}
	if f.wrappedAt == nil {
		f.wrappedAt = map[int64][]string{}
	}
	var out []string
	for _, l := range entryText(e, "→") {
		out = append(out, wrapIndented(l, width)...)
	}
	f.wrappedAt[e.Seq] = out
	return out
}
