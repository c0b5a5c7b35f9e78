package report

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// governance writes where the assessment stands in its review, which
// revision it is and what it was made from, the state the approval covers
// in the audit trail, and the DPO's opinion on a privacy assessment. The
// signatures themselves are in the sign-off table.
func (r *reporter) governance() {
	r.d.heading(2, "Review and revision")
	a := r.a
	items := []string{"**State:** " + r.stateText()}
	switch {
	case a.RevisionOf != 0:
		items = append(items, fmt.Sprintf("**Revision:** %d, made from approved assessment %d, which is unchanged; this report is of the revision.",
			a.Revision, a.RevisionOf))
	case a.Revision > 1:
		items = append(items, fmt.Sprintf("**Revision:** %d.", a.Revision))
	default:
		items = append(items, "**Revision:** 1, the original assessment.")
	}
	if ap, ok := a.Approval(); ok && a.Status == assess.Approved {
		items = append(items, fmt.Sprintf("**Approved state:** audit records 1 to %d of assessment %d; %s checks that none has changed since.",
			ap.Seq, a.ID, Code(fmt.Sprintf("assay verify %d", a.ID))))
	}
	if assess.TakesDPOOpinion(r.q) {
		if op, ok := a.DPOOpinion(); ok {
			line := fmt.Sprintf("**DPO opinion:** %s, by %s on %s.", dpoWords(op.Decision), Inline(op.Name), op.On)
			if op.Comment != "" {
				line += " " + Inline(op.Comment)
			}
			items = append(items, line)
		} else {
			items = append(items, "**DPO opinion:** not yet given.")
		}
	}
	r.d.list(items...)
}

// stateText says the lifecycle state with the signature that made it.
func (r *reporter) stateText() string {
	a := r.a
	last := func(decision string) (assess.SignOff, bool) {
		for i := len(a.SignOffs) - 1; i >= 0; i-- {
			if a.SignOffs[i].Decision == decision {
				return a.SignOffs[i], true
			}
		}
		return assess.SignOff{}, false
	}
	by := func(decision string) string {
		if s, ok := last(decision); ok {
			return fmt.Sprintf(" by %s on %s", Inline(s.Name), s.On)
		}
		return ""
	}
	switch a.Status {
	case assess.Approved:
		return "approved" + by("approved") + ". It is locked: a change starts a new revision."
	case assess.Rejected:
		text := "rejected" + by("rejected") + "."
		if s, ok := last("rejected"); ok && s.Comment != "" {
			text += " " + Inline(s.Comment)
		}
		return text
	case assess.InReview:
		return "in review, submitted" + by("submitted") + "; not yet approved."
	}
	return "draft, not yet submitted for review."
}

func dpoWords(d string) string {
	switch d {
	case assess.DPOReservations:
		return "favourable with reservations"
	}
	return d
}
