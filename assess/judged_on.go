package assess

// JudgedOn is the day the assessment is judged on when today is asked
// for: today, or, while today has not reached them, the assessment date
// or the day of the latest sign-off its report shows (ShownSignOff).
//
// Today is the calendar day where the person asking is, and an assessment
// is dated on the day of whoever started it. On a team database those
// differ: started at 00:30 on the 7th in Kiritimati (UTC+14), it is
// 23:30 on the 5th in Pago Pago (UTC-11), and a colleague there judged it
// as of two days before it existed (a report dated before its own
// assessment date, which --as-of refuses). Nothing is due or expires
// before the assessment date, so judging it on that day changes no item;
// it only keeps every plan, report and count dated on a day the
// assessment existed.
//
// A sign-off is dated on the signer's day in the same way: approved on
// the 7th in Kiritimati, the report made in Pago Pago on the 5th was dated
// two days before the decision it records. The day of the latest sign-off
// has begun where its signer is, so it is judged on that day: the report
// is never dated before a decision it shows.
func (a *Assessment) JudgedOn(today Date) Date {
	if today.Before(a.AssessedOn) {
		today = a.AssessedOn
	}
	if s, ok := a.ShownSignOff(); ok && today.Before(s.On) {
		today = s.On
	}
	return today
}

// LatestSignOff is the sign-off with the latest date (of two on the same
// day, the one given last), which the report shows with every other; ok
// is false while nobody has signed.
func (a *Assessment) LatestSignOff() (latest SignOff, ok bool) {
	for _, s := range a.SignOffs {
		if !ok || !s.On.Before(latest.On) {
			latest, ok = s, true
		}
	}
	return latest, ok
}

// ShownSignOff is the latest sign-off the assessment's report shows: its
// own (LatestSignOff) or, for a revision, the approval of the assessment
// it revises, which the report names and which a revision keeps the
// earlier assessment date of. Of is the assessment it was given on. A
// revision's own steps are dated no earlier than that approval
// (RevisionSignOffDateRefused), so it is the latest only until the
// revision is submitted.
func (a *Assessment) ShownSignOff() (latest ShownSignOff, ok bool) {
	if s, signed := a.LatestSignOff(); signed {
		latest, ok = ShownSignOff{SignOff: s, Of: a.ID}, true
	}
	if r := a.RevisedApproval; r != nil && (!ok || latest.On.Before(r.On)) {
		latest, ok = ShownSignOff{SignOff: *r, Of: a.RevisionOf}, true
	}
	return latest, ok
}

// ShownSignOff is a sign-off and the assessment it was given on.
type ShownSignOff struct {
	SignOff
	Of int64
}

// SignOffNoun names a sign-off for a sentence: "approval", "submission",
// "DPO opinion".
func SignOffNoun(s SignOff) string {
	if s.Role == RoleDPO {
		return "DPO opinion"
	}
	if n, ok := signOffNouns[s.Decision]; ok {
		return n
	}
	return "sign-off"
}
