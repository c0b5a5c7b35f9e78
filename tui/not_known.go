package tui

import "github.com/assay-dev/assay/assess"

// A write whose fate cannot be told is said "not known" by the workspace
// and by accessible mode alike: both ask outcomeNotKnown of its error,
// and both say why with notKnownWhy, each then naming where to look in
// its own words (ctrl+r on the home screen, assay list as assay leaves,
// the audit trail's number in accessible mode's choices).

// outcomeNotKnown reports whether a write may have been recorded or not:
// given up for want of an answer, or its connection lost once its commit
// was sent (assess.OutcomeUnknown). Either is said as not known, with
// where to look, never as refused; any other error is the write refused
// or not made.
func outcomeNotKnown(err error) bool {
	return unanswered(err) || assess.OutcomeUnknown(err)
}

// notKnownWhy is why a write's fate is not known, for a surface to follow
// with where to look. The store's words for a connection lost at the
// commit end naming where to look themselves ("Once the server is back,
// assay history 3 shows whether it is there"): said whole before the
// surface's own, that named two places for one write, so its brief is
// said instead ("connection to db.example.org/privacy lost at the
// commit: the change may be recorded").
func notKnownWhy(err error) string {
	if assess.OutcomeUnknown(err) {
		return saidBriefly(err)
	}
	return said(err)
}
