package assess

import (
	"fmt"
	"strings"
	"time"
)

// Action moves an assessment through its lifecycle:
//
//	draft --submit--> in-review --approve--> approved (locked)
//	                  in-review --reject---> rejected --submit--> in-review
//	                  in-review --withdraw-> draft
//
// An approved assessment never changes again; a change starts a revision.
type Action string

// Lifecycle actions.
const (
	ActSubmit   Action = "submit"
	ActApprove  Action = "approve"
	ActReject   Action = "reject"
	ActWithdraw Action = "withdraw"
)

// Roles of the people who sign an assessment.
const (
	RoleAuthor   = "author"   // submits the assessment for review
	RoleReviewer = "reviewer" // approves or rejects it
	RoleDPO      = "dpo"      // gives the data protection officer's opinion
)

// DPO opinions, after CNIL PIA's validation step.
const (
	DPOFavourable   = "favourable"
	DPOReservations = "favourable-with-reservations"
	DPOUnfavourable = "unfavourable"
)

// DPOOpinions lists the opinions a DPO may give.
var DPOOpinions = []string{DPOFavourable, DPOReservations, DPOUnfavourable}

// Decisions lists, by role, the decisions a signature records.
var Decisions = map[string][]string{
	RoleAuthor:   {"submitted", "withdrawn"},
	RoleReviewer: {"approved", "rejected"},
	RoleDPO:      DPOOpinions,
}

// SignOff is one signature on an assessment: who, on which day, what they
// decided and why. Seq is the audit record the signature was made at, so
// the exact state that was signed can be found in the trail.
type SignOff struct {
	ID       int64     `json:"id,omitempty"`
	Role     string    `json:"role"`
	Name     string    `json:"name"`
	On       Date      `json:"date"`
	Decision string    `json:"decision"`
	Comment  string    `json:"comment,omitempty"`
	Seq      int64     `json:"audit_seq,omitempty"`
	At       time.Time `json:"at,omitzero"`
}

// Transition returns the state that action leads to from state from, or
// an error that says why it is not allowed.
func Transition(from Lifecycle, action Action) (Lifecycle, error) {
	if from == "" {
		from = Draft
	}
	switch action {
	case ActSubmit:
		switch from {
		case Draft, Rejected:
			return InReview, nil
		case InReview:
			return "", Errorf(EConflict, "it is already in review")
		}
	case ActApprove:
		switch from {
		case InReview:
			return Approved, nil
		case Approved:
			return "", Errorf(EConflict, "it is already approved")
		case Draft:
			return "", Errorf(EConflict, "it is a draft: submit it for review first")
		case Rejected:
			return "", Errorf(EConflict, "it was rejected: resubmit it for review first")
		}
	case ActReject:
		switch from {
		case InReview:
			return Rejected, nil
		case Rejected:
			return "", Errorf(EConflict, "it is already rejected")
		case Draft:
			return "", Errorf(EConflict, "it is a draft: only an assessment in review can be rejected")
		}
	case ActWithdraw:
		if from == InReview {
			return Draft, nil
		}
		return "", Errorf(EConflict, "only an assessment in review can be withdrawn; it is %s", from)
	default:
		return "", Errorf(EInvalid, "unknown lifecycle action %q", action)
	}
	if from == Approved {
		return "", Errorf(ELocked, "it is approved and locked; start a revision to change it")
	}
	return "", Errorf(EConflict, "cannot %s an assessment that is %s", action, from)
}

// SigningArchivedRefused refuses to sign what (an action, "record a DPO
// opinion on", "revise") on a when it is archived: set aside as started by
// mistake and no longer listed, it is not put to the committee, nor
// revised, until restored.
func SigningArchivedRefused(a *Assessment, what string) error {
	if !a.Archive.Archived() {
		return nil
	}
	return SigningArchivedRefusal(a.ID, what)
}

// SigningArchivedRefusal is SigningArchivedRefused's refusal for
// assessment id, known to be archived: the store gives it when a team
// database's server refused the signature, knowing no more of the
// assessment than its ID.
func SigningArchivedRefusal(id int64, what string) error {
	return Errorf(EConflict, "cannot %s assessment %d: it is archived (set aside as started by mistake); restore it first "+
		"(A on the home screen lists the archived ones, and a on one restores it)", what, id)
}

// NewSignOff checks and builds the signature for action by name on day on.
// A signature needs a name: "unknown" (no reviewer could be found) is not one.
func NewSignOff(action Action, name string, on Date, comment string) (SignOff, error) {
	name = strings.TrimSpace(name)
	if name == "" || name == "unknown" {
		return SignOff{}, Errorf(EInvalid, "signing needs a name: pass --reviewer NAME or set reviewer in the config file")
	}
	if on.IsZero() {
		return SignOff{}, Errorf(EInvalid, "signing needs a date")
	}
	name, err := CleanName("the signer's name", name)
	if err != nil {
		return SignOff{}, err
	}
	if comment, err = CleanText("comment", comment); err != nil {
		return SignOff{}, err
	}
	s := SignOff{Name: name, On: on, Comment: strings.TrimSpace(comment)}
	switch action {
	case ActSubmit:
		s.Role, s.Decision = RoleAuthor, "submitted"
	case ActApprove:
		s.Role, s.Decision = RoleReviewer, "approved"
	case ActReject:
		s.Role, s.Decision = RoleReviewer, "rejected"
		if Blank(s.Comment) {
			return SignOff{}, Errorf(EInvalid, "a rejection needs a comment saying what must change")
		}
	case ActWithdraw:
		s.Role, s.Decision = RoleAuthor, "withdrawn"
	default:
		return SignOff{}, Errorf(EInvalid, "unknown lifecycle action %q", action)
	}
	return s, nil
}

// NewDPOOpinion checks and builds a DPO opinion. Only privacy assessments
// (DPIAs, their pre-screens, and the assessments of personal data
// licensing and datasets) take one, and only before approval: an approved
// assessment is locked.
func NewDPOOpinion(a *Assessment, name string, on Date, opinion, comment string) (SignOff, error) {
	if !TakesDPOOpinion(a.Questionnaire) {
		return SignOff{}, Errorf(EInvalid, "a DPO opinion is recorded on privacy assessments; %s is a %s questionnaire", a.Questionnaire.ID, a.Questionnaire.Kind)
	}
	if a.Status == Approved {
		return SignOff{}, Errorf(ELocked, "assessment %d is approved and locked; the DPO opinion must be given before approval, or on a revision", a.ID).WithRemedy(RemedyRevise, a.ID)
	}
	opinion = strings.ToLower(strings.TrimSpace(opinion))
	ok := false
	for _, o := range DPOOpinions {
		ok = ok || o == opinion
	}
	if !ok {
		return SignOff{}, Errorf(EInvalid, "unknown DPO opinion %q (use %s)", opinion, strings.Join(DPOOpinions, ", "))
	}
	s, err := NewSignOff(ActSubmit, name, on, comment)
	if err != nil {
		return SignOff{}, err
	}
	if opinion != DPOFavourable && Blank(s.Comment) {
		return SignOff{}, Errorf(EInvalid, "%s needs a comment giving the DPO's reasons", dpoOpinionNouns[opinion])
	}
	s.Role, s.Decision = RoleDPO, opinion
	// The same opinion given again on the same day (a command run twice)
	// would be a second signature saying nothing new.
	if last, ok := a.DPOOpinion(); ok && last.Decision == s.Decision && last.On == s.On &&
		SameName(last.Name, s.Name) && strings.Join(strings.Fields(last.Comment), " ") == strings.Join(strings.Fields(s.Comment), " ") {
		return SignOff{}, Errorf(EConflict, "assessment %d already holds this DPO opinion: %s, by %s on %s; nothing was recorded", a.ID, last.Decision, last.Name, last.On)
	}
	return s, nil
}

// dpoOpinionNouns name each opinion in a sentence.
var dpoOpinionNouns = map[string]string{
	DPOFavourable: "a favourable opinion", DPOReservations: "an opinion with reservations", DPOUnfavourable: "an unfavourable opinion",
}

// TakesDPOOpinion reports whether assessments of q are privacy assessments
// on which a DPO gives an opinion.
func TakesDPOOpinion(q *Questionnaire) bool {
	if q == nil {
		return false
	}
	switch q.Kind {
	case KindPrivacy, KindLicensing, KindDataset, KindPrescreen:
		return true
	}
	return false
}

// CheckFourEyes refuses the reviewer's decision (an approval, or a
// rejection) by the person who last submitted the assessment: someone else
// must decide. The submitter who wants it back withdraws it, which the
// record calls a withdrawal, not a reviewer's rejection.
func CheckFourEyes(a *Assessment, signer string, action Action) error {
	s, theirs := a.lastSubmittedBy(signer)
	if !theirs {
		return nil
	}
	if action == ActReject {
		return Errorf(EConflict, "%s submitted it for review on %s, and with four_eyes set someone else must reject it; %s can withdraw it",
			s.Name, s.On, s.Name).WithRemedy(RemedyWithdraw, a.ID)
	}
	return Errorf(EConflict, "%s submitted it for review on %s, and with four_eyes set someone else must approve it", s.Name, s.On)
}

// Approval returns the reviewer's approving signature, if any.
func (a *Assessment) Approval() (SignOff, bool) {
	for i := len(a.SignOffs) - 1; i >= 0; i-- {
		if s := a.SignOffs[i]; s.Role == RoleReviewer && s.Decision == "approved" {
			return s, true
		}
	}
	return SignOff{}, false
}

// DPOOpinion returns the latest DPO opinion, if any.
func (a *Assessment) DPOOpinion() (SignOff, bool) {
	for i := len(a.SignOffs) - 1; i >= 0; i-- {
		if a.SignOffs[i].Role == RoleDPO {
			return a.SignOffs[i], true
		}
	}
	return SignOff{}, false
}

// DPOOpinionNotAnswered is the result of the question that asks whether
// the DPO has given an opinion (Question.AsksDPOOpinion) when an opinion is
// recorded here and the question's answer does not say so: unanswered, or
// answered as a gap. An answer is the analyst's and an opinion the DPO's
// signature, so neither changes the other; the analyst is told, and the
// report says so beside the opinion.
func DPOOpinionNotAnswered(a *Assessment, res *Result) (QuestionResult, bool) {
	if _, given := a.DPOOpinion(); !given || a.Questionnaire == nil || res == nil {
		return QuestionResult{}, false
	}
	for i, q := range a.Questionnaire.Questions {
		if !q.AsksDPOOpinion || i >= len(res.Questions) {
			continue
		}
		switch qr := res.Questions[i]; qr.Status {
		case StatusUnanswered, StatusGap, StatusPartial:
			return qr, qr.Visible
		}
	}
	return QuestionResult{}, false
}

// DPOOpinionNote says what DPOOpinionNotAnswered found, in a sentence
// without its full stop. The answer is the questionnaire's words, which
// the caller cleans for where it shows them.
func DPOOpinionNote(qr QuestionResult) string {
	answer := "is not answered"
	if qr.Answered {
		answer = fmt.Sprintf("says %q", qr.Answer)
	}
	return fmt.Sprintf("the DPO's opinion is recorded, but %s, which asks whether the DPO has given an opinion, %s: answer it now that the opinion is given", qr.ID, answer)
}

// Editable returns an ELocked error if the assessment is approved, and
// an EConflict one if it is archived: set aside as started by mistake,
// it is read, reported and exported as it stands, and takes no answer,
// plan change, explanation or file for the vendor until it is restored
// (a change to it was recorded, and listed nowhere).
func (a *Assessment) Editable() error {
	switch {
	case a.Status == Approved:
		return Errorf(ELocked, "assessment %d is approved and locked; start a revision to change it", a.ID).WithRemedy(RemedyRevise, a.ID)
	case a.Archive.SetOutsideAssay():
		return Errorf(EInvalid, "assessment %d's archive flag is neither 0 nor 1, the only values assay writes: it was set outside assay, "+
			"and the assessment takes no change until it is put right. In the workspace, A shows the archived ones and a on it restores it "+
			"(archive it again if it is to stay set aside); assay verify names every such assessment", a.ID)
	case a.Archive.Archived():
		return Errorf(EConflict, "assessment %d is archived (set aside as started by mistake) and takes no change; restore it first "+
			"(A on the home screen lists the archived ones, and a on one restores it)", a.ID)
	}
	return nil
}

// ActionError wraps a refused transition with the assessment it concerns.
func ActionError(id int64, action Action, err error) error {
	if e, ok := err.(*Error); ok {
		return &Error{Code: e.Code, Message: fmt.Sprintf("cannot %s assessment %d: %s", action, id, e.Message), Remedy: e.Remedy, RemedyOn: e.RemedyOn, RemedyWhat: e.RemedyWhat}
	}
	return err
}

// ReviewOption qualifies a lifecycle action.
type ReviewOption string

// AcceptUnconfirmed, given with a submit or an approval, accepts the
// vendor's answers that nobody has confirmed as the vendor gave them. The
// audit trail records the acceptance with their count.
const AcceptUnconfirmed ReviewOption = "accept-unconfirmed"

// UnconfirmedVendorAnswers lists, in the questionnaire's order, the
// questions whose answer is the vendor's and has not been confirmed or
// corrected by an analyst.
func (a *Assessment) UnconfirmedVendorAnswers() []string {
	// A question hidden by the other answers counts for nothing and the
	// interview does not show it, so its vendor answer needs no confirming.
	return a.visibleWhere(func(_ *Question, ans Answer) bool {
		return ans.Answered() && ans.Source == ByVendor && !ans.Reviewed
	})
}

// visibleWhere lists, in the questionnaire's order, the questions the
// answers show whose answer keep picks.
func (a *Assessment) visibleWhere(keep func(q *Question, ans Answer) bool) []string {
	var out []string
	if a.Questionnaire == nil {
		return out
	}
	res := Score(a.Questionnaire, a.Answers, a.AssessedOn)
	for i, q := range a.Questionnaire.Questions {
		if res.Questions[i].Visible && keep(q, a.Answers[q.ID]) {
			out = append(out, q.ID)
		}
	}
	return out
}

// UnconfirmedToAccept returns the vendor answers nobody has confirmed that
// action must accept: a submit or an approval must say whose word goes to
// the committee; other actions need no acceptance. If there are some and
// the reviewer has not accepted them, it returns an error instead.
func UnconfirmedToAccept(a *Assessment, action Action, accepted bool) ([]string, error) {
	if action != ActSubmit && action != ActApprove {
		return nil, nil
	}
	open := a.UnconfirmedVendorAnswers()
	if len(open) == 0 || accepted {
		return open, nil
	}
	list := open
	if len(list) > 5 {
		list = append(append([]string(nil), list[:5]...), "…")
	}
	are, them := "are", "them"
	if len(open) == 1 {
		are, them = "is", "it"
	}
	return nil, Errorf(EConflict, "cannot %s assessment %d: %d of its answers %s the vendor's and nobody has confirmed %s (%s): "+
		"confirm or correct each one (y in the interview), or accept %s as the vendor gave %s",
		action, a.ID, len(open), are, them, strings.Join(list, ", "), them, them).WithRemedy(RemedyAcceptUnconfirmed, a.ID)
}

// ArchivingRefused refuses to archive assessment id in state status when
// it is signed or being signed. Archiving sets aside what was started by
// mistake; an assessment in review is before the committee, and an
// approved one is its signed decision, which the portfolio keeps listing.
func ArchivingRefused(id int64, status Lifecycle) error {
	switch status {
	case InReview:
		return Errorf(EConflict, "cannot archive assessment %d: it is in review, before the committee; withdraw it to draft first, then archive it", id).
			WithRemedy(RemedyWithdraw, id)
	case Approved:
		return Errorf(ELocked, "cannot archive assessment %d: it is approved, the committee's signed decision, and stays listed; to change it, start a revision", id).
			WithRemedy(RemedyRevise, id)
	}
	return nil
}
