package tui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"
)

// The workspace's writes outside the answers' queue (a creation, an
// archiving, an explanation, a sign-off) each have the write's deadline
// (withinDeadline), and quitting waits for them as for an answer being
// written. One given up for want of an answer is said as it is: the
// server may have recorded it after the workspace stopped waiting, so it
// is neither done nor failed, and the words say where to look.

// notKnown says a write given up for want of an answer (err), that would
// have left its thing done ("created", "recorded"), and what shows
// whether it did: for the words said as assay leaves.
func notKnown(done string, err error, look string) string {
	return "not known whether it was " + done + ": " + notKnownWhy(err) + "; " + look + " shows whether it was"
}

// notKnownCarried is notKnown for the pre-screen's answers carried into
// a new assessment.
func notKnownCarried(err error, look string) string {
	return "not known whether they were carried over: " + notKnownWhy(err) + "; " + look + " shows whether they were"
}

// archivingWhat names an archiving (or restoring) of the assessment
// where ("#3 Acme Cloud Ltd") for quitting to say.
func archivingWhat(where string, archived bool) string {
	if archived {
		return where + ": archiving it"
	}
	return where + ": restoring it"
}

// archivedOutcome hears the end of an archiving; quitting, it keeps what
// became of it to say as the workspace leaves, since no screen shows it
// then.
func (w *saver) archivedOutcome(msg archivedMsg, quitting bool) {
	what := archivingWhat(msg.where, msg.archived)
	i := slices.Index(w.archiving, what)
	if i < 0 {
		return
	}
	w.archiving = slices.Delete(w.archiving, i, i+1)
	if !quitting {
		return
	}
	done := "restored"
	if msg.archived {
		done = "archived"
	}
	switch {
	case outcomeNotKnown(msg.err):
		w.failed = append(w.failed, saveFailure{key: "archive", what: what, why: notKnown(done, msg.err, "assay list --all")})
	case msg.err != nil:
		w.failed = append(w.failed, saveFailure{key: "archive", what: what, why: "not " + done + ": " + said(msg.err)})
	default:
		w.created = append(w.created, msg.where+" was "+done)
	}
}

// explainAfterWrites records the explanation named what once the writes
// queued before it are done, as a sign-off is (signAfterWrites):
// quitting waits for it, and the reads queued meanwhile wait for it too.
// One at a time: the field does not open for another meanwhile.
// where names the assessment ("#3 Acme Cloud Ltd"), check the check
// explained, cleaned.
func (w *saver) explainAfterWrites(where, check string, explain tea.Cmd) {
	w.explaining = where + ": the explanation of " + check
	w.explainingCheck = check
	w.explanation = explain
}

// explainedOutcome hears the end of an explanation; quitting, it keeps
// what became of it to say as the workspace leaves.
func (w *saver) explainedOutcome(msg explainedMsg, quitting bool) {
	what := w.explaining
	w.explaining, w.explainingCheck = "", ""
	if !quitting || what == "" {
		return
	}
	switch {
	case outcomeNotKnown(msg.err):
		w.failed = append(w.failed, saveFailure{key: "explain", what: what, why: notKnown("recorded", msg.err, fmt.Sprintf("assay history %d", msg.id))})
	case msg.err != nil:
		w.failed = append(w.failed, saveFailure{key: "explain", what: what, why: "not recorded: " + said(msg.err)})
	default:
		w.created = append(w.created, what+" was recorded")
	}
}
