package assess

// JudgedOn is the day the assessment is judged on when today is asked
// for: today, or the assessment date while today has not reached it.
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
func (a *Assessment) JudgedOn(today Date) Date {
	if today.Before(a.AssessedOn) {
		return a.AssessedOn
	}
	return today
}
