package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The review's pane was drawn twice for every message: once in Update,
// where layOut draws it to find where it is scrolled to, and again in
// View. View now shows the pane layOut drew, so a message and the frame
// drawn after it draw the pane once, on every pane and after a resize;
// a second frame without a message between draws none.
func TestReviewDrawsItsPaneOncePerMessage(t *testing.T) {
	m, step := gappyModel(t, viewReview)
	r, ok := m.cur.(*review)
	if !ok {
		t.Fatalf("opened on %T, not the review", m.cur)
	}
	right := pressed(tea.KeyRight)
	msgs := []tea.Msg{
		pgDown, resize(100, 16), pgDown, // scores, a text pane
		right, pgDown, // why
		right, pgDown, resize(80, 20), keyOf("G"), // coverage, a list
		keyOf("enter"), pgDown, keyOf("esc"), // its drill-down
		right, pgDown, resize(120, 40), pgUp, // findings
	}
	panes := map[pane]bool{}
	for i, msg := range msgs {
		before := r.panesDrawn
		step(msg)
		first := drawn(m)
		if n := r.panesDrawn - before; n != 1 {
			t.Errorf("message %d (%T %v) on pane %s and the frame after it drew the pane %d times, want once", i, msg, msg, paneNames[r.pane], n)
		}
		before = r.panesDrawn
		if again := drawn(m); again != first {
			t.Errorf("message %d (%T %v): the second frame differs from the first:\n%s\nthen\n%s", i, msg, msg, first, again)
		}
		if n := r.panesDrawn - before; n != 0 {
			t.Errorf("message %d (%T %v): a second frame with no message between drew the pane %d times, want none", i, msg, msg, n)
		}
		panes[r.pane] = true
	}
	if len(panes) < 4 {
		t.Errorf("the keys showed only the panes %v: the test means to draw four", panes)
	}
}
