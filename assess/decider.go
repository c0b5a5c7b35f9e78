package assess

import "slices"

// Who may take which decision on an assessment, said once for every
// surface: the workspace's sign-off and accessible mode's offer only what
// Decider allows, and the store checks again (a team's server last), so a
// colleague's step in between is still refused, with its remedy.

// Decider is the person who would sign: their name as signatures record
// it (the login, on a team database), their team roles (nil: a person's
// own file, where one person holds every role), and whether four eyes
// hold: always on a team database, whose server enforces them; on a file,
// with four_eyes set in the config file.
type Decider struct {
	Name     string
	Roles    []string
	FourEyes bool
}

// ActionRole is the team role that takes action: an analyst submits and
// withdraws, an approver approves and rejects.
func ActionRole(action Action) string {
	if action == ActApprove || action == ActReject {
		return RoleApprover
	}
	return RoleAnalyst
}

// holds reports whether d holds role: on a file, every role.
func (d Decider) holds(role string) bool {
	return d.Roles == nil || slices.Contains(d.Roles, role)
}

// MayTake reports whether d may take action on a now: a is not archived
// (SigningArchivedRefused), the lifecycle allows
// it from a's state (Transition), d's roles include the action's, an
// approval is not of a use the law forbids (ApprovalForbidden), and,
// under four eyes, an approval or a rejection is not by the person who
// submitted a (CheckFourEyes).
func (d Decider) MayTake(a *Assessment, action Action) bool { return d.MayTakeScored(a, nil, action) }

// MayTakeScored is MayTake on res, a's answers as the caller already
// scored them (nil: scored now, if an approval needs them): a screen
// that asks at every frame does not score them again.
func (d Decider) MayTakeScored(a *Assessment, res *Result, action Action) bool {
	if _, err := Transition(a.Status, action); err != nil || !d.holds(ActionRole(action)) || a.Archive.Archived() {
		return false
	}
	if action == ActApprove && approvalForbidden(a, res) != nil {
		return false
	}
	if !d.FourEyes || ActionRole(action) != RoleApprover {
		return true
	}
	return CheckFourEyes(a, d.Name, action) == nil
}

// MayGiveDPOOpinion reports whether d may record the DPO's opinion on a:
// a privacy assessment not yet approved nor archived, by an approver. Four eyes do not
// bar the submitter: an opinion is advice, not the reviewer's decision.
func (d Decider) MayGiveDPOOpinion(a *Assessment) bool {
	return a.Status != Approved && !a.Archive.Archived() && TakesDPOOpinion(a.Questionnaire) && d.holds(RoleApprover)
}

// MayRevise reports whether d may start a revision of a: an approved
// assessment not archived, by an analyst.
func (d Decider) MayRevise(a *Assessment) bool {
	return a.Status == Approved && !a.Archive.Archived() && d.holds(RoleAnalyst)
}

// WithheldByFourEyes returns the submission for which four eyes keep the
// reviewer's decisions (approve, reject) from d, who would otherwise be
// offered them: d submitted a, which is in review, and d is an approver.
// Said before any comment is asked, it tells d why they are not offered,
// and what is left: another approver decides, or d withdraws it.
func (d Decider) WithheldByFourEyes(a *Assessment) (SignOff, bool) {
	if !d.FourEyes || a.Status != InReview || !d.holds(RoleApprover) {
		return SignOff{}, false
	}
	return a.lastSubmittedBy(d.Name)
}

// ApprovalWithheldForUse returns the knock-out for which d, an approver
// who would otherwise be offered Approve on a (in review, and not kept
// from it by four eyes, which are said first), is not: a's answers
// describe a use the law forbids. Said before any comment is asked, it
// tells d why, and that the decision left is a rejection. res is a's
// answers as the caller already scored them (nil: scored now).
func (d Decider) ApprovalWithheldForUse(a *Assessment, res *Result) (FloorResult, bool) {
	if a.Status != InReview || !d.holds(RoleApprover) || a.Questionnaire == nil {
		return FloorResult{}, false
	}
	if _, four := d.WithheldByFourEyes(a); four {
		return FloorResult{}, false
	}
	return UseForbidden(scoredOf(a, res))
}

// lastSubmittedBy returns the latest submission of a if signer made it: the
// signature four eyes hold against signer's approval or rejection.
func (a *Assessment) lastSubmittedBy(signer string) (SignOff, bool) {
	for i := len(a.SignOffs) - 1; i >= 0; i-- {
		s := a.SignOffs[i]
		if s.Role != RoleAuthor || s.Decision != "submitted" {
			continue
		}
		// Names compare as subjects' do: the submitter's name typed with
		// two spaces, another case or full-width letters is still theirs.
		return s, SameName(s.Name, signer)
	}
	return SignOff{}, false
}
