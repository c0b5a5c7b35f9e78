package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// A key acts on the row the person saw selected. The review's findings,
// risks and recommendations are worked out from the answers: when
// another window or a colleague changes one and the assessment is read
// again, a row may come before the one under the cursor, or that one may
// go. The cursor follows its row, by its key, wherever the list now puts
// it; a row gone leaves the cursor on whichever now fills its place, so
// the review says which went, and the first key that would act on a row
// does nothing but say so; pressed again, it acts on the row now shown.
// Moving the cursor (or another pane) chooses the row and ends the note
// (as on the home list and the plan: home_gone.go, plan_gone.go). The
// coverage pane is not among them: its controls are the questionnaire's.

// rowKeys are the review's keys that act on the row under the cursor.
func (k reviewKeys) rowKeys() []key.Binding {
	return []key.Binding{k.Open, k.Start, k.Explain}
}

// reviewRows is what a list pane of the review lists, for the cursor to
// follow and the notes to name: each row's key, which stays the same
// while the row is listed, and its name as the pane shows it.
type reviewRows struct {
	keys, names []string
	// gone says of a row, by its name, that it is no longer listed, and why.
	gone func(name string) string
}

// rows is the list the pane shown keys its cursor by; false for a pane
// without one.
func (r *review) rows() (reviewRows, bool) {
	res := r.res()
	var rows reviewRows
	switch r.pane {
	case paneFindings:
		for _, f := range res.Findings {
			rows.keys, rows.names = append(rows.keys, f.Key), append(rows.names, clean(f.QuestionID))
		}
		rows.gone = func(name string) string {
			return fmt.Sprintf("finding %s, which was selected, is no longer a finding (its answer changed)", name)
		}
	case paneRisks:
		for _, rr := range res.Risks {
			rows.keys, rows.names = append(rows.keys, rr.QuestionID), append(rows.names, clean(rr.Title))
		}
		rows.gone = func(name string) string {
			return fmt.Sprintf("risk %s, which was selected, is no longer in the register (an answer changed)", name)
		}
	case paneRecommended:
		for _, rec := range r.recommended() {
			title := rec.Questionnaire
			if q := r.sh.deps.questionnaire(rec.Questionnaire); q != nil {
				title = q.Title
			}
			rows.keys, rows.names = append(rows.keys, rec.Questionnaire), append(rows.names, clean(title))
		}
		rows.gone = func(name string) string {
			return fmt.Sprintf("%s, which was selected, is no longer recommended (an answer changed)", name)
		}
	default:
		return reviewRows{}, false
	}
	return rows, true
}

// reviewAt is the row under a list pane's cursor: its key, and its name
// as the pane showed it, for the note should it go.
type reviewAt struct {
	pane      pane
	key, name string
}

// follow puts the cursor back on its row, wherever the list now puts it;
// on a row gone, it takes the one now in its place, and notes that the
// cursor moved there unseen (unless quiet: the person changed the
// answer, and knows).
func (r *review) follow(quiet bool) {
	if r.pane == paneCoverage && r.coverageOf != r.sh.sess.eval {
		// Others' answers read: the coverage, worked out from the
		// answers once, is worked out again, its cursors kept on a row.
		// Only while the pane shows: a review under the interview would
		// work it out at every answer given there. Shown again (its key,
		// returned), it is worked out before it is drawn.
		r.loadCoverage()
		r.drill = r.drill && len(r.coverage) > 0
		r.nav.cursor = clamp(r.nav.cursor, 0, len(r.coverage)-1)
		r.drillNav.cursor = clamp(r.drillNav.cursor, 0, len(r.drilled().Questions)-1)
	}
	rows, ok := r.rows()
	if !ok {
		r.at, r.gone = reviewAt{}, ""
		return
	}
	if r.at.pane != r.pane || r.at.key == "" {
		r.gone = "" // another pane: the note was about the list left
		r.noteRow()
		return
	}
	for i, k := range rows.keys {
		if k == r.at.key {
			r.nav.cursor, r.at.name = i, rows.names[i] // a risk's name may change with its note
			return
		}
	}
	if !quiet && r.gone == "" {
		// The first row gone, should its neighbour go too: the one the
		// person saw.
		r.gone = rows.gone(r.at.name)
	}
	r.nav.cursor = clamp(r.nav.cursor, 0, len(rows.keys)-1)
	r.noteRow()
}

// noteRow takes the row under the cursor as the one it stays on.
func (r *review) noteRow() {
	r.at = reviewAt{pane: r.pane}
	if rows, ok := r.rows(); ok && r.nav.cursor >= 0 && r.nav.cursor < len(rows.keys) {
		r.at.key, r.at.name = rows.keys[r.nav.cursor], rows.names[r.nav.cursor]
	}
}

// goneLine is the note drawn above the pane while the cursor's move is
// unseen; "" when there is none.
func (r *review) goneLine() string {
	if r.gone == "" {
		return ""
	}
	return cursorMovedLine(capitalised(r.gone), r.at.name)
}

// refuseUnseen answers a key that would act on the row under the cursor
// while the cursor's move there is unseen: it does nothing but say why,
// and the note ends, so that the same key again acts on the row.
func (r *review) refuseUnseen(msg tea.KeyPressMsg) bool {
	if r.gone == "" || r.at.key == "" || !key.Matches(msg, reviewKeyMap.rowKeys()...) {
		return false
	}
	r.said = unseenKeyRefused(msg.String(), r.gone, r.at.name)
	r.gone = ""
	return true
}
