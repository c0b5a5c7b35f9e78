package tui

import (
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// navKeys move through any list or scrolled text: a row, a page, or to
// either end. Every list answers to all of them.
type navKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

var navKeyMap = navKeys{
	Up:       bind("↑/k", "up", "up", "k"),
	Down:     bind("↓/j", "down", "down", "j"),
	PageUp:   bind("pgup", "page up", "pgup"),
	PageDown: bind("pgdn", "page down", "pgdown"),
	Top:      bind("g/home", "first", "g", "home"),
	Bottom:   bind("G/end", "last", "G", "end"),
}

// help lists the nav keys for a screen's key list in three lines.
func (k navKeys) help() []key.Binding {
	return []key.Binding{
		bind("↑/↓ k/j", "up, down", "up", "down", "k", "j"),
		bind("pgup/pgdn", "a page up, down", "pgup", "pgdown"),
		bind("g/G", "first, last (home, end)", "g", "G", "home", "end"),
	}
}

// listNav is a list's cursor and the first row it shows. Keys move the
// cursor; the window follows it, moving no more than it must, so a row
// stays where it was on the screen until the cursor leaves the window.
type listNav struct {
	cursor int
	top    int
	page   int // rows the list showed last; pages move by it
}

// step is how far a key moves the cursor, and whether it is a nav key.
func (n *listNav) step(msg tea.KeyPressMsg) (int, bool) {
	page := max(n.page-1, 1)
	switch {
	case key.Matches(msg, navKeyMap.Up):
		return -1, true
	case key.Matches(msg, navKeyMap.Down):
		return 1, true
	case key.Matches(msg, navKeyMap.PageUp):
		return -page, true
	case key.Matches(msg, navKeyMap.PageDown):
		return page, true
	case key.Matches(msg, navKeyMap.Top):
		return math.MinInt / 2, true
	case key.Matches(msg, navKeyMap.Bottom):
		return math.MaxInt / 2, true
	}
	return 0, false
}

// key moves the cursor of a list of count rows; it reports whether msg
// was a nav key. A page key turns the page: the window moves with the
// cursor, which keeps its place on the screen.
func (n *listNav) key(msg tea.KeyPressMsg, count int) bool {
	d, ok := n.step(msg)
	if !ok {
		return false
	}
	was := n.cursor
	n.cursor = clamp(n.cursor+d, 0, count-1)
	if key.Matches(msg, navKeyMap.PageUp, navKeyMap.PageDown) {
		n.top = max(n.top+n.cursor-was, 0)
	}
	return true
}

// fitted is n with its window of rows rows fitted to a list of count
// rows around the cursor, moving no more than it must; the page keys
// move by rows. Screens fit their windows in Update (layout.go), never
// while drawing: what a key does must not depend on whether the program
// drew before it.
func (n listNav) fitted(count, rows int) listNav {
	rows = max(rows, 1)
	n.page = rows
	n.cursor = clamp(n.cursor, 0, count-1)
	switch {
	case n.cursor < n.top:
		n.top = n.cursor
	case n.cursor >= n.top+rows:
		n.top = n.cursor - rows + 1
	}
	n.top = clamp(n.top, 0, count-rows)
	return n
}

// shown is the rows a fitted window shows of a list of count rows,
// [start, end).
func (n listNav) shown(count int) (start, end int) {
	return n.top, min(n.top+max(n.page, 1), count)
}

// scroll moves a scrolled text's first line by a nav key; the view
// clamps it to the text.
func scroll(msg tea.KeyPressMsg, offset, page int) (int, bool) {
	n := listNav{page: page}
	d, ok := n.step(msg)
	if !ok {
		return offset, false
	}
	return clamp(offset+d, 0, math.MaxInt/2), true
}
