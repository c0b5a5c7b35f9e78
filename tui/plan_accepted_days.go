package tui

import (
	"context"
	"maps"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// The open assessment is judged as the report made the same minute is
// (assess.JudgedAsReported): no earlier than the newest acceptance of a
// risk the plan shows, which a colleague whose calendar or clock is ahead
// may have given on a day that has not begun here. The plan screen judged
// on this computer's today had none overdue where the report and assay
// plan had an item overdue. Acceptances are dated by the trail's records
// (assess.AcceptedStamps), read with the assessment and again when others
// change its plan.

// acceptedStampsMsg brings who set the fields of the open assessment's
// accepted items last and when, read again after others changed its plan,
// or why they were not read (err).
type acceptedStampsMsg struct {
	id     int64
	stamps assess.PlanStamps
	err    error
}

// acceptedStamps reads the trail's stamps of the items ev's plan has
// accepted, within a write's deadline (withinDeadline): a server that
// accepts and never answers held the assessment's opening, or the plan's
// day, for as long. nil and no error when the store cannot say, which
// leaves the assessment judged on today (or a sign-off's day).
func acceptedStamps(d Deps, ev *assess.Evaluation) (assess.PlanStamps, error) {
	st, ok := d.Repo.(assess.PlanStamper)
	if !ok {
		return nil, nil
	}
	return withinDeadline(d, func(ctx context.Context) (assess.PlanStamps, error) { return assess.AcceptedStamps(ctx, st, ev) })
}

// readAcceptedStamps reads them off the update loop for the plan of ev,
// an evaluation nothing changes once made (session.evaluate makes a new
// one each time).
func readAcceptedStamps(d Deps, ev *assess.Evaluation) tea.Cmd {
	id := ev.Assessment.ID
	return func() tea.Msg {
		stamps, err := acceptedStamps(d, ev)
		return acceptedStampsMsg{id: id, stamps: stamps, err: err}
	}
}

// acceptedStampsRead judges the open assessment again with the stamps
// read, and builds the report preview again on the day it is now dated.
// Stamps not read leave those read before, and are said (undatedWords):
// dropped, the plan was judged on today, unsaid, where its report is
// dated by a colleague's acceptance ahead.
func (m Model) acceptedStampsRead(msg acceptedStampsMsg) (Model, tea.Cmd) {
	s := m.sh.sess
	if s == nil || s.a.ID != msg.id {
		return m, nil
	}
	if msg.err != nil {
		m.sh.saves.undated = undatedWords(s, msg.err)
		return m, nil
	}
	m.sh.saves.undated = ""
	s.stamps = msg.stamps
	s.evaluate(m.sh.deps.Today())
	if r, onReport := m.cur.(*reportView); onReport {
		return m, r.rebuild()
	}
	return m, nil
}

// undatedWords says that the days the open assessment's risks were
// accepted on were not read, and why: its overdue items are judged
// without them, which its report made now is not.
func undatedWords(s *session, err error) string {
	return "the days " + s.where() + "'s risks were accepted on were not read again: " + said(err) + "; its overdue items are judged without them"
}

// acceptedHere forgets the stamp of an item whose status this window
// changes: an acceptance given here is given today, so the day a
// colleague ahead accepted it no longer dates it (until read again).
func (s *session) acceptedHere(key string, was, now assess.ItemStatus) {
	if was == now || s.stamps[key] == nil {
		return
	}
	set := maps.Clone(s.stamps[key])
	delete(set, assess.FieldStatus)
	s.stamps = maps.Clone(s.stamps)
	s.stamps[key] = set
}
