package assess

import "strings"

// SignOffDateRefused returns an error when signature s, about to be given
// on a, is dated after today (nobody signs in advance: the committee would
// read a decision not yet taken) or, for a step of the review (a
// submission, approval, rejection or withdrawal), before the last step
// it follows: an approval dated before the submission it approves makes
// the record say the committee decided before the analyst had finished.
// A step dated before the assessment date is refused too: the record
// would say it was submitted or decided before it was assessed. A date
// before today is allowed otherwise: recording a decision taken last week
// is how minutes reach the record. A DPO's opinion may be dated before
// the submission (it is often given on the draft).
func SignOffDateRefused(a *Assessment, s SignOff, today Date) error {
	what := signOffNouns[s.Decision]
	if s.Role == RoleDPO {
		what = "DPO opinion"
	}
	what = withArticle(what)
	if s.On.After(today) {
		return Errorf(EInvalid, "assessment %d: %s cannot be dated %s, after today (%s): sign on the day, or give the day it was decided",
			a.ID, what, s.On, today)
	}
	if s.Role == RoleDPO {
		// The latest opinion is the DPO's word: one dated before the
		// opinion it replaces would be latest in the record and not in time.
		if last, ok := a.DPOOpinion(); ok && s.On.Before(last.On) {
			return Errorf(EInvalid, "assessment %d: %s cannot be dated %s, before the DPO opinion it replaces (by %s on %s)",
				a.ID, what, s.On, last.Name, last.On)
		}
		return nil
	}
	if s.On.Before(a.AssessedOn) {
		return Errorf(EInvalid, "assessment %d: %s cannot be dated %s, before the assessment date %s",
			a.ID, what, s.On, a.AssessedOn)
	}
	for i := len(a.SignOffs) - 1; i >= 0; i-- {
		last := a.SignOffs[i]
		if last.Role == RoleDPO {
			continue
		}
		if s.On.Before(last.On) {
			return Errorf(EInvalid, "assessment %d: %s cannot be dated %s, before the %s it follows (by %s on %s)",
				a.ID, what, s.On, signOffNouns[last.Decision], last.Name, last.On)
		}
		break
	}
	return nil
}

// withArticle is a noun with "a" or "an" before it.
func withArticle(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// signOffNouns names each step of the review by its decision.
var signOffNouns = map[string]string{"submitted": "submission", "approved": "approval", "rejected": "rejection", "withdrawn": "withdrawal"}

// RevisionSignOffDateRefused returns an error when step s of the review
// of revision a is dated before approval, the approval of the assessment
// a revises: the revision was started from that approval, so a step dated
// earlier would have the record say it was decided before there was
// anything to revise. A DPO's opinion is not a step of the review.
func RevisionSignOffDateRefused(a *Assessment, s SignOff, approval SignOff) error {
	if s.Role == RoleDPO || !s.On.Before(approval.On) {
		return nil
	}
	return Errorf(EInvalid, "assessment %d: %s cannot be dated %s, before the approval of assessment %d it revises (by %s on %s)",
		a.ID, withArticle(signOffNouns[s.Decision]), s.On, a.RevisionOf, approval.Name, approval.On)
}

// zoneSlack is the most calendar days two clocks can differ by at one
// instant: UTC+14 is 26 hours ahead of UTC−12.
const zoneSlack = 2

// SigningToday returns s dated as it may be on day today when the steps it
// follows are dated up to follows: a colleague in a time zone ahead of the
// signer's (Berlin, for a reviewer in New York) may have signed the step
// before on a day that has not yet begun where the signer is. A step
// signed on the signer's today then takes that step's day, so that the
// record never reads as decided before the step it follows; and a day up
// to that one is not "after today". It returns s and the last day it may
// bear. A step dated further ahead than clocks can differ is left for
// SignOffDateRefused to refuse.
func SigningToday(s SignOff, today, follows Date) (SignOff, Date) {
	if !follows.After(today) || follows.After(today.AddDays(zoneSlack)) {
		return s, today
	}
	if s.On == today {
		s.On = follows
	}
	return s, follows
}

// FollowsDay is the day a step s of the review of a may not precede: the
// day of the last step before it, or else the assessment date. A DPO's
// opinion follows neither: it is the zero Date.
func FollowsDay(a *Assessment, s SignOff) Date {
	if s.Role == RoleDPO {
		return Date{}
	}
	for i := len(a.SignOffs) - 1; i >= 0; i-- {
		if a.SignOffs[i].Role == RoleDPO {
			continue
		}
		if on := a.SignOffs[i].On; on.After(a.AssessedOn) {
			return on
		}
		break
	}
	return a.AssessedOn
}
