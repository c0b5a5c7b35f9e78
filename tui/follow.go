package tui

import tea "charm.land/bubbletea/v2"

// The plan and the review keep their cursor on the row the person chose
// while the open assessment is judged again: another window's answer
// read in, a save refused and undone, a new day, the interview answering
// while the review that opened it waits under it. Most of these reach
// the session without going through the screen's Update, so the root
// model tells the screens after every message, the one shown and those
// under it. View only draws: whether the program drew between two
// messages, or how often, changes neither the row a key acts on nor
// what is said about a row gone.

// follower is a screen whose cursor stays on the row the person chose
// (plan_gone.go, review_gone.go).
type follower interface {
	// followJudged puts the cursor back on its row, wherever the open
	// assessment's lists now put it; on a row gone, on the one now in
	// its place, noting that it moved there unseen unless own: the
	// person's own key in the screen above changed the answer, and they
	// know.
	followJudged(own bool)
}

// stacked is a screen shown over another that it goes back to, as that
// one was left: the interview over the review that opened a question,
// the trail over the screen it was asked from.
type stacked interface {
	// under is the screen it goes back to; nil for none.
	under() screen
}

// followJudged tells the screen shown, and each screen under it, that
// the open assessment may have been judged again by msg. The one shown
// notes a row gone whatever moved it: its own keys do not take rows
// away. A screen under it notes one only when msg was not the person's
// own key or paste: a finding their answer in the interview took away
// is not news when they come back, but one another window's answer took
// away while they were there is, as the cursor is on a row they did not
// choose.
func (m Model) followJudged(msg tea.Msg) {
	if m.sh.sess == nil {
		return
	}
	var own bool
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		own = true
	}
	shown := true
	for s := m.cur; s != nil; shown = false {
		if f, ok := s.(follower); ok {
			f.followJudged(own && !shown)
		}
		over, ok := s.(stacked)
		if !ok {
			return
		}
		s = over.under()
	}
}

func (p *plan) followJudged(own bool)   { p.follow(own) }
func (r *review) followJudged(own bool) { r.follow(own) }

func (iv *interview) under() screen {
	if iv.back == nil {
		return nil // not a screen holding a nil review
	}
	return iv.back
}

func (s *trailScreen) under() screen { return s.back }
