package assess

// CompareOn compares two assessments of one subject judged on one day:
// today, or the latest day either is judged on (JudgedOn) while today
// has not reached it. A comparison shows where each review stands, who
// signed and when, so it is judged no earlier than any sign-off of
// either: judged on the later assessment's day alone, last year's
// approval, given after it, read as a decision taken after the day the
// comparison is of.
func CompareOn(from, to *Assessment, today Date) *Diff {
	day := from.JudgedOn(to.JudgedOn(today))
	return Compare(Evaluate(from, day), Evaluate(to, day))
}
