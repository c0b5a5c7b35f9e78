package tui

import (
	"strings"

	"github.com/assay-dev/assay/assess"
)

// A typed answer is shown whole, wrapped under "Answer: ": a reviewer on
// a vendor call must read what the vendor said without opening it for
// editing (where one line shows at a time). One taller than the pane
// scrolls with ↑/↓, which a typed question has no other use for.

// answerLines is the shown answer of a typed question (text, number,
// date) wrapped to the question's column of width cells, after
// "Answer: "; none for a question of another type or one unanswered.
func (iv *interview) answerLines(width int) []string {
	q, ans := iv.q(), iv.answer()
	switch {
	case !ans.Answered():
		return nil
	case q.Type != assess.TypeText && q.Type != assess.TypeNumber && q.Type != assess.TypeDate:
		return nil
	}
	shown := clean(q.DisplayOn(ans.Value, nil, iv.sh.sess.a.AssessedOn))
	return strings.Split(wrap(shown, max(width-len("Answer: "), 10)), "\n")
}

// scrollAnswer moves the pane's rows up or down by step under its pinned
// ones, from the question's text to the answer's last line at the top,
// as the terminal's present width wraps them.
func (iv *interview) scrollAnswer(step int) {
	width := iv.paneWidth(iv.sh.width)
	if len(iv.answerLines(width)) <= 1 {
		iv.answerTop = 0
		return
	}
	_, pinned, _, _, last := iv.panelRows(width, true)
	iv.answerTop = clamp(iv.answerTop+step, 0, max(last-pinned, 0))
}

// paneWidth is the question's column on a terminal width cells wide, as
// View lays it out.
func (iv *interview) paneWidth(width int) int {
	if width < 70 {
		return width
	}
	return min(width-iv.sidebarWidth(width)-2, readingWidth)
}
