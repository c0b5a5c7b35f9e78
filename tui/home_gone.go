package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// A key acts on the row the person saw selected. When a list read again
// (ctrl+r, a watch notice, going home) no longer shows the assessment
// under the cursor, archived in another window or by a colleague, the
// cursor goes to its neighbour without the person's doing: a key pressed
// then would act on a row they had not seen selected. So the home screen
// says which assessment went and where the cursor is, and the first key
// that would act on a row does nothing but say so; pressed again, it
// acts on the row now shown. Moving the cursor (or esc) chooses the row
// and ends the note.

// goneRow is the assessment the cursor was on when a list read again no
// longer showed it; the first one, should its neighbour go too, as that
// is the one the person saw.
type goneRow struct {
	id      int64
	subject string
	// filtered: still listed, but no longer matching the filter (its
	// status changed elsewhere).
	filtered bool
	// archivedBy says who archived it and when, once its trail is read
	// (archived_under.go); "" until then, or when the trail does not say.
	archivedBy string
}

// rowKeys are the home screen's keys that act on the row under the cursor.
func (k homeKeys) rowKeys() []key.Binding {
	return []key.Binding{k.Open, k.Review, k.Plan, k.Report, k.Archive, k.Compare, k.ComparePrevious, k.History}
}

// noteGone notes that the assessment was (the one under the cursor
// before the list p was taken) is no longer shown, unless this window
// archived it: the person did that, and saw the row go.
func (h *home) noteGone(was *assess.Assessment) {
	if was == nil || h.gone != nil {
		return
	}
	if was.ID == h.archivedHere {
		h.archivedHere = 0
		return
	}
	h.gone = &goneRow{id: was.ID, subject: was.Subject, filtered: h.p.listed(was.ID)}
}

// goneWords says what became of the assessment the cursor was on.
func (h *home) goneWords() string {
	g := h.gone
	what := fmt.Sprintf("#%d %s, which was selected, ", g.id, clean(g.subject))
	switch {
	case g.filtered:
		return what + "no longer matches the filter (changed elsewhere)"
	case h.showArchived:
		return what + "is no longer listed"
	}
	if g.archivedBy != "" {
		return what + "is no longer listed (" + g.archivedBy + "; A shows archived ones)"
	}
	return what + "is no longer listed (archived elsewhere; A shows archived ones)"
}

// readGoneArchivedBy reads who archived the assessment that went from
// under the cursor, when it went from the list rather than the filter.
func (h *home) readGoneArchivedBy() tea.Cmd {
	if g := h.gone; g == nil || g.filtered || h.showArchived || g.archivedBy != "" {
		return nil
	}
	read := readArchivedBy(h.sh.deps, h.gone.id, nil)
	return func() tea.Msg {
		msg := read().(archivedByMsg)
		msg.gone = true
		return msg
	}
}

// goneArchivedBy names who archived the row that went, when the note
// about it still shows.
func (h *home) goneArchivedBy(msg archivedByMsg) {
	if g := h.gone; g != nil && msg.gone && g.id == msg.id && msg.by != "" {
		g.archivedBy = archivedByWords(msg.by, msg.at, h.sh.deps.Actor)
	}
}

// goneLine is the note drawn above the list while the cursor's move is
// unseen; "" when there is none.
func (h *home) goneLine() string {
	if h.gone == nil {
		return ""
	}
	now := ""
	if a := h.selected(); a != nil {
		now = rowName(a)
	}
	return cursorMovedLine(h.goneWords(), now)
}

// rowName names an assessment as the workspace's notes do: "#4 Delta Cloud".
func rowName(a *assess.Assessment) string { return fmt.Sprintf("#%d %s", a.ID, clean(a.Subject)) }

// cursorMovedLine is the note shown while a cursor's move is unseen, on
// the home list and in the plan: what went, and the row now selected
// (now; "" when none is).
func cursorMovedLine(gone, now string) string {
	if now == "" {
		return gone + "."
	}
	return gone + ": the cursor moved to " + now + "."
}

// unseenKeyRefused says that key did nothing, as the row it would act on,
// now, was not the one the person saw selected (gone).
func unseenKeyRefused(key, gone, now string) string {
	return fmt.Sprintf("%s did nothing: %s; press %s again to act on %s, now selected.", key, gone, key, now)
}

// refuseUnseen answers a key that would act on the row under the cursor
// while its move there is unseen: it does nothing but say why, and the
// note ends, so that the same key again acts on a. It reports whether
// the key was refused.
func (h *home) refuseUnseen(msg tea.KeyPressMsg, a *assess.Assessment) bool {
	if h.gone == nil || !key.Matches(msg, homeKeyMap.rowKeys()...) {
		return false
	}
	h.err = unseenKeyRefused(msg.String(), h.goneWords(), rowName(a))
	h.gone = nil
	return true
}

// listed reports whether the assessment id is in the portfolio read,
// shown or not by the filter.
func (p *portfolio) listed(id int64) bool {
	for _, a := range p.items {
		if a.ID == id {
			return true
		}
	}
	return false
}
