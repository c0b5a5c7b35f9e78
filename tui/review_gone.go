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

// reviewRows is what a list pane of the review lists, named for the
// notes: each row's key, which stays the same while the row is listed,
// and how the notes call that pane's rows.
type reviewRows struct {
	keys []string
	// gone says of a row's key that it is no longer listed, and why.
	gone func(key string) string
	// name is a row's, by its key, as the pane shows it.
	name func(key string) string
}

// rows is the list the pane shown keys its cursor by; false for a pane
// without one.
func (r *review) rows() (reviewRows, bool) {
	res := r.res()
	switch r.pane {
	case paneFindings:
		keys := make([]string, len(res.Findings))
		for i, f := range res.Findings {
			keys[i] = f.Key
		}
		return reviewRows{keys: keys, name: clean, gone: func(k string) string {
			return fmt.Sprintf("finding %s, which was selected, is no longer a finding (its answer changed)", clean(k))
		}}, true
	case paneRisks:
		keys := make([]string, len(res.Risks))
		for i, rr := range res.Risks {
			keys[i] = rr.QuestionID
		}
		return reviewRows{keys: keys, name: clean, gone: func(k string) string {
			return fmt.Sprintf("risk %s, which was selected, is no longer in the register (its answer changed)", clean(k))
		}}, true
	case paneRecommended:
		recs := r.recommended()
		keys := make([]string, len(recs))
		for i, rec := range recs {
			keys[i] = rec.Questionnaire
		}
		title := func(k string) string {
			if q := r.sh.deps.questionnaire(k); q != nil {
				return clean(q.Title)
			}
			return clean(k)
		}
		return reviewRows{keys: keys, name: title, gone: func(k string) string {
			return fmt.Sprintf("%s, which was selected, is no longer recommended (an answer changed)", title(k))
		}}, true
	}
	return reviewRows{}, false
}

// reviewAt is the row under a list pane's cursor, by its key.
type reviewAt struct {
	pane pane
	key  string
}

// follow puts the cursor back on its row, wherever the list now puts it;
// on a row gone, it takes the one now in its place, and notes that the
// cursor moved there unseen (unless quiet: the person changed the
// answer, and knows).
func (r *review) follow(quiet bool) {
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
			r.nav.cursor = i
			return
		}
	}
	if !quiet && r.gone == "" {
		// The first row gone, should its neighbour go too: the one the
		// person saw.
		r.gone = rows.gone(r.at.key)
	}
	r.nav.cursor = clamp(r.nav.cursor, 0, len(rows.keys)-1)
	r.noteRow()
}

// noteRow takes the row under the cursor as the one it stays on.
func (r *review) noteRow() {
	r.at = reviewAt{pane: r.pane}
	if rows, ok := r.rows(); ok && r.nav.cursor >= 0 && r.nav.cursor < len(rows.keys) {
		r.at.key = rows.keys[r.nav.cursor]
	}
}

// goneLine is the note drawn above the pane while the cursor's move is
// unseen; "" when there is none.
func (r *review) goneLine() string {
	if r.gone == "" {
		return ""
	}
	return cursorMovedLine(capitalised(r.gone), r.atName())
}

// atName is the row under the cursor as the pane names it; "" when none is.
func (r *review) atName() string {
	rows, ok := r.rows()
	if !ok || r.at.key == "" {
		return ""
	}
	return rows.name(r.at.key)
}

// refuseUnseen answers a key that would act on the row under the cursor
// while the cursor's move there is unseen: it does nothing but say why,
// and the note ends, so that the same key again acts on the row.
func (r *review) refuseUnseen(msg tea.KeyPressMsg) bool {
	if r.gone == "" || r.at.key == "" || !key.Matches(msg, reviewKeyMap.rowKeys()...) {
		return false
	}
	r.said = unseenKeyRefused(msg.String(), r.gone, r.atName())
	r.gone = ""
	return true
}
