package report

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
)

// governance writes where the assessment stands in its review, which
// revision it is and what it was made from, the state the approval covers
// in the audit trail, and the DPO's opinion on a privacy assessment. The
// signatures themselves are in the sign-off table.
func (r *reporter) governance() {
	r.d.heading(2, txt("Review and revision"))
	a := r.a
	items := []document.Text{txt(strong("State:"), " ", r.stateText())}
	switch {
	case a.RevisionOf != 0 && a.RevisedApproval != nil:
		// The committee replaces that decision with this one: say whose
		// it was and when. The report is dated no earlier (JudgedOn).
		ap := a.RevisedApproval
		items = append(items, txt(strong("Revision:"), fmt.Sprintf(" %d, made from assessment %d, approved by ", a.Revision, a.RevisionOf),
			user(ap.Name), fmt.Sprintf(" on %s, which is unchanged; this report is of the revision.", ap.On)))
	case a.RevisionOf != 0:
		items = append(items, txt(strong("Revision:"), fmt.Sprintf(" %d, made from approved assessment %d, which is unchanged; this report is of the revision.",
			a.Revision, a.RevisionOf)))
	case a.Revision > 1:
		items = append(items, txt(strong("Revision:"), fmt.Sprintf(" %d.", a.Revision)))
	default:
		items = append(items, txt(strong("Revision:"), " 1, the original assessment."))
	}
	if a.Imported != nil {
		// Where it came from, as its import audit record states it.
		items = append(items, txt(strong("Provenance:"), " ", user(a.Imported.Words()), "."))
	}
	if ap, ok := a.Approval(); ok && a.Status == assess.Approved {
		items = append(items, txt(strong("Approved state:"), fmt.Sprintf(" audit records 1 to %d of assessment %d; ", ap.Seq, a.ID),
			code(fmt.Sprintf("assay verify %d", a.ID)), " checks that none has changed since."))
	}
	if r.opts.Record != nil {
		items = append(items, recordLine(r.opts.Record))
	}
	if assess.TakesDPOOpinion(r.q) {
		if op, ok := a.DPOOpinion(); ok {
			line := txt(strong("DPO opinion:"), " "+dpoWords(op.Decision)+", by ", user(op.Name), fmt.Sprintf(" on %s.", op.On))
			if qr, disagrees := assess.DPOOpinionNotAnswered(a, r.res); disagrees {
				line = txt(line, " ", dpoAnswerText(qr))
			}
			items = append(items, txt(line, signedComment(op.Comment)))
		} else {
			items = append(items, txt(strong("DPO opinion:"), " not yet given."))
		}
	}
	r.d.list(items...)
}

// stateText says the lifecycle state with the signature that made it.
func (r *reporter) stateText() document.Text {
	a := r.a
	last := func(decision string) (assess.SignOff, bool) {
		for i := len(a.SignOffs) - 1; i >= 0; i-- {
			if a.SignOffs[i].Decision == decision {
				return a.SignOffs[i], true
			}
		}
		return assess.SignOff{}, false
	}
	by := func(decision string) document.Text {
		if s, ok := last(decision); ok {
			return txt(" by ", user(s.Name), fmt.Sprintf(" on %s", s.On))
		}
		return nil
	}
	switch a.Status {
	case assess.Approved:
		return txt("approved", by("approved"), ". It is locked: a change starts a new revision.")
	case assess.Rejected:
		s, _ := last("rejected")
		return txt("rejected", by("rejected"), ".", signedComment(s.Comment))
	case assess.InReview:
		return txt("in review, submitted", by("submitted"), "; not yet approved.")
	}
	return txt("draft, not yet submitted for review.")
}

// signedComment is the comment of a sign-off where a line of prose gives
// it: last, after our word "Comment:" in italics, so that no comment
// typed as the report's own words ("Then approved by the committee")
// reads as them, nor runs on into a sentence of ours after it; nothing
// when it is blank.
func signedComment(comment string) document.Text {
	if assess.Blank(comment) {
		return nil
	}
	return txt(" ", emph("Comment:"), " ", endSentence(body(comment)))
}

func dpoWords(d string) string {
	switch d {
	case assess.DPOReservations:
		return "favourable with reservations"
	}
	return d
}

// dpoAnswerText says that the question asking whether the DPO has given an
// opinion does not say so, beside the opinion (assess.DPOOpinionNotAnswered).
func dpoAnswerText(qr assess.QuestionResult) document.Text {
	if !qr.Answered {
		return txt("The answer to ", code(qr.ID), ", which asks whether the DPO has given an opinion, is not given.")
	}
	return txt("The answer to ", code(qr.ID), ", which asks whether the DPO has given an opinion, is ", user(qr.Answer), ".")
}

// dpoTitleLine is the DPO's opinion as page one gives it, for an
// assessment that takes one: which opinion, by whom and when, and where
// its reasons are; nil for one that takes none. A committee deciding on a
// DPIA decides on the DPO's advice, which the sections further on give in
// full.
func (r *reporter) dpoTitleLine() document.Text {
	if !assess.TakesDPOOpinion(r.q) {
		return nil
	}
	op, ok := r.a.DPOOpinion()
	if !ok {
		return txt(strong("DPO opinion:"), " not yet given.")
	}
	line := txt(strong("DPO opinion:"), " "+dpoWords(op.Decision)+", by ", user(op.Name), fmt.Sprintf(" on %s", op.On))
	if assess.Blank(op.Comment) {
		return txt(line, ".")
	}
	return txt(line, "; its reasons are under Review and revision.")
}

// dpoAdviceWords is what the decision asked adds when the DPO's opinion is
// not simply favourable: the controller that does not follow the DPO's
// advice records why (GDPR Article 35(2) asks for the advice; the EDPB's
// guidelines on DPIAs, WP248, for the reasons of a decision against it).
func (r *reporter) dpoAdviceWords() string {
	if !assess.TakesDPOOpinion(r.q) {
		return ""
	}
	op, ok := r.a.DPOOpinion()
	if !ok {
		return ""
	}
	switch op.Decision {
	case assess.DPOUnfavourable:
		return " The DPO's opinion is unfavourable: a decision against it records why."
	case assess.DPOReservations:
		return " The DPO's opinion has reservations: the decision records how each is met."
	}
	return ""
}

// statusWords is the lifecycle state as page one gives it: of one in
// review, who submitted it and when, and the reviewer's rejection before,
// if any, whose reasons the sign-off table gives. An approval or a
// rejection is the decision taken, which page one gives on its own line.
func (r *reporter) statusWords() document.Text {
	a := r.a
	t := txt(a.Status.Words())
	if a.Status != assess.InReview {
		return t
	}
	submitted := -1
	for i, s := range a.SignOffs {
		if s.Decision == "submitted" {
			submitted = i
		}
	}
	if submitted < 0 {
		return t
	}
	s := a.SignOffs[submitted]
	t = txt(t, ", submitted by ", user(s.Name), fmt.Sprintf(" on %s", s.On))
	for i := submitted - 1; i >= 0; i-- {
		if rej := a.SignOffs[i]; rej.Decision == "rejected" {
			return txt(t, " after a rejection by ", user(rej.Name), fmt.Sprintf(" on %s (see Sign-off)", rej.On))
		}
	}
	return t
}
