package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
)

// Archived under the analyst: a colleague (or this person in another
// window) archives the assessment open here. The read of their change
// finds it archived, and the workspace says so at once, with who did it
// and when as the audit trail records it, what can still be done (read
// it, export it, restore it) and what was being given here that is now
// not saved. Before, nothing was said until a key's change was refused,
// and then only that it was archived, as if by nobody.

// archivedByMsg is who archived assessment id last, and when, as its
// audit trail records it; by is "" when the trail was not read (err) or
// names no archiving.
type archivedByMsg struct {
	id      int64
	by, at  string
	unsaved []string // what was being given here as the read found it archived
	// gone: read for the home list's note that the row under the cursor
	// went (home_gone.go), not for the assessment open.
	gone bool
	err  error
}

// readArchivedBy reads assessment id's trail for its last archiving,
// within a write's deadline: a server that never answers leaves the
// words without a name, not the workspace waiting.
func readArchivedBy(d Deps, id int64, unsaved []string) tea.Cmd {
	return func() tea.Msg {
		msg := archivedByMsg{id: id, unsaved: unsaved}
		if d.History == nil {
			return msg
		}
		entries, err := withinDeadline(d, func(ctx context.Context) ([]history.Entry, error) {
			_, entries, err := d.History(ctx, id)
			return entries, err
		})
		msg.err = err
		for i := len(entries) - 1; i >= 0; i-- {
			if e := entries[i]; e.Kind == "archive" && e.What == "archived" {
				// "unknown" is what the store records for a write
				// whose actor it was not told (assess.ActorFrom): no name.
				if e.Actor != assess.ActorFrom(context.Background()) {
					msg.by, msg.at = e.Actor, e.At
				}
				break
			}
		}
		return msg
	}
}

// archivedBy says who archived the open assessment, once the trail is
// read: on the status line until a key is pressed outside a text field,
// and in every refusal of a change to it after that (locked).
func (m Model) archivedBy(msg archivedByMsg) Model {
	if m.sh.home != nil {
		m.sh.home.goneArchivedBy(msg)
	}
	s := m.sh.sess
	if s == nil || msg.gone || s.a.ID != msg.id || !s.a.Archive.Archived() {
		return m
	}
	s.archivedWho = archivedWho(s.a.ID, msg.by, msg.at, m.sh.deps.Actor)
	words := s.archivedWho + ": " + archivedStillDoes(m.sh.deps)
	if msg.by == "" && msg.err != nil {
		words += " (who archived it was not read: " + said(msg.err) + ")"
	}
	if len(msg.unsaved) > 0 {
		words += "; not saved: " + strings.Join(msg.unsaved, ", ")
	}
	m.sh.flash, m.sh.othersSaid = words, words
	return m
}

// archivedWho is "#ID was archived by WHO at TIME", the time the trail
// records shown in the terminal's zone as a conflict shows its time;
// without a name, only that it was archived elsewhere.
func archivedWho(id int64, by, at, me string) string {
	if by == "" {
		return fmt.Sprintf("#%d was archived elsewhere", id)
	}
	return fmt.Sprintf("#%d was %s", id, archivedByWords(by, at, me))
}

// archivedByWords is "archived by WHO at TIME": the person's own
// archiving from another window is theirs, not a colleague's.
func archivedByWords(by, at, me string) string {
	when := ""
	if t, err := time.Parse(time.RFC3339Nano, at); err == nil {
		when = " at " + t.Local().Format("15:04 on 2 Jan 2006")
	}
	if assess.SameName(by, me) {
		return "archived by you in another window" + when
	}
	return "archived by " + clean(by) + when
}

// archivedStillDoes is what can still be done with an archived
// assessment: read and export it as it stands, and restore it, which
// only a login allowed to change the portfolio may do.
func archivedStillDoes(d Deps) string {
	if d.readOnly() != "" {
		return "it can still be read and exported as it stands, and takes no change until someone with the analyst role restores it"
	}
	return "it can still be read and exported as it stands, and takes no change until restored (A, then a on it, on the home screen)"
}

// typedHereWords names what the person was giving on the screen shown
// as the assessment was found archived: the field open in the
// interview, by its question. "" when nothing was being typed.
func typedHereWords(cur screen) []string {
	iv, ok := cur.(*interview)
	if !ok || !iv.editingAnswer() {
		return nil
	}
	what := "the answer being given to "
	switch iv.editing {
	case editNote:
		what = "the note being typed to "
	case editEvidence:
		what = "the evidence being typed to "
	case editMeasures:
		what = "the measures being typed to "
	case editExplanation:
		what = "the explanation being typed to "
	}
	return []string{what + clean(iv.q().ID)}
}

// readAgainAfterRefusal reads the open assessment again when the store
// refused a change to it for what the assessment has become (archived,
// approved) rather than for the change itself: without following
// others' changes, that refusal is the first the workspace hears of
// them, and the read says who archived it (refreshed). A conflict over
// one answer is settled on its own (conflict.go), and is not read for.
func (sh *shell) readAgainAfterRefusal(err error) tea.Cmd {
	var conflict *assess.ConflictError
	if sh.sess == nil || sh.sess.a.Archive.Archived() || errors.As(err, &conflict) {
		return nil
	}
	switch assess.ErrorCode(err) {
	case assess.EConflict, assess.ELocked:
		return sh.refresh()
	}
	return nil
}
