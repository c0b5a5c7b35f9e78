package tui

// takeList shows a portfolio read (again) in place of the one shown,
// filtered and sorted as it was, with the cursor on the assessment it
// was on; if that one has gone (archived, here or by someone else), on
// its neighbour, noting that it went (home_gone.go). The cursor's row
// stays where it was on the screen, so that rows others added or took
// away above it do not move it.
func (h *home) takeList(p *portfolio) {
	// The cursor's assessment is looked up in the list it is a place
	// of, before the new list replaces it.
	was, wasShown, wasCursor := h.p, h.shown, h.nav.cursor
	kept := h.selected()
	keep := h.selectedID()
	h.p = p
	h.found = filterMemo{}
	if !h.refilterKeeping(keep) && keep != 0 {
		h.nav.cursor = h.neighbour(was, wasShown, wasCursor)
		h.noteGone(kept)
	}
	h.nav.top = max(h.nav.top+h.nav.cursor-wasCursor, 0)
}

// neighbour is the row of the list shown now nearest to row at of the
// list shown before (was, wasShown), whose assessment is no longer
// shown: the first still shown of those that were after it, then of
// those before it, nearest first; the first row if none is.
func (h *home) neighbour(was *portfolio, wasShown []int32, at int) int {
	row := make(map[int64]int, len(h.shown))
	for i, x := range h.shown {
		row[h.p.items[x].ID] = i
	}
	for i := at + 1; i < len(wasShown); i++ {
		if r, ok := row[was.items[wasShown[i]].ID]; ok {
			return r
		}
	}
	for i := min(at, len(wasShown)) - 1; i >= 0; i-- {
		if r, ok := row[was.items[wasShown[i]].ID]; ok {
			return r
		}
	}
	return 0
}
