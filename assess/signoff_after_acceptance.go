package assess

import "sort"

// NewestAcceptance is the accepted risk of acceptedOn (AcceptedOn) the
// audit trail dates last, by its key, and its day; false when none is
// dated. Of two on one day, the first key in order, so the refusal that
// names it names the same one each time.
func NewestAcceptance(acceptedOn map[string]Date) (string, Date, bool) {
	keys := make([]string, 0, len(acceptedOn))
	for k := range acceptedOn {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var key string
	var on Date
	for _, k := range keys {
		if key == "" || acceptedOn[k].After(on) {
			key, on = k, acceptedOn[k]
		}
	}
	return key, on, key != ""
}

// AcceptanceSignOffDateRefused returns an error when step s of the review
// of a is dated before the day the audit trail recorded a risk acceptance
// of its plan (acceptedOn, from AcceptedOn): the report shows that day
// beside the acceptance, so an approval dated earlier read "approved on
// 2025-12-05" over a risk "accepted on 2026-12-06", a decision on an
// acceptance not yet given. The step signs the plan as it stands, that
// acceptance in it; it is dated on or after the acceptance's day. Answers
// and other plan changes carry no day in the report, and a step dated
// before the day they were typed in is how last week's minutes reach the
// record, so they do not hold a step back. A DPO's opinion is not a step
// of the review (it is often given on the draft).
func AcceptanceSignOffDateRefused(a *Assessment, s SignOff, acceptedOn map[string]Date) error {
	key, on, ok := NewestAcceptance(acceptedOn)
	if s.Role == RoleDPO || !ok || !s.On.Before(on) {
		return nil
	}
	return Errorf(EInvalid, "assessment %d: %s cannot be dated %s, before the risk acceptance of %s it signs, recorded on %s; date it %s or later; nothing was recorded",
		a.ID, withArticle(signOffNouns[s.Decision]), s.On, key, on, on)
}
