package tui

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// giveAnswer records ans as the session's setAnswer does, and keeps in
// iv.disagreed what the answer made disagree: the consistency checks
// that hold now, did not before, and concern its question. The analyst
// hears of it at once, on the status line, while the vendor is still on
// the call, rather than in the report. Both results are in memory: the
// session rescored as it recorded the answer.
func (iv *interview) giveAnswer(ans assess.Answer) bool {
	before := iv.result().Disagreements
	iv.disagreed = ""
	if !iv.sh.sess.setAnswer(iv.sh.deps, ans) {
		return false
	}
	iv.disagreed = disagreeWords(assess.NewDisagreements(before, iv.result().Disagreements, ans.QuestionID), ans.QuestionID)
	return true
}

// sayDisagreement puts what the last answer made disagree on the status
// line, after moving on (which clears it).
func (iv *interview) sayDisagreement() {
	if iv.disagreed != "" {
		iv.sh.flash, iv.disagreed = iv.disagreed, ""
	}
}

// disagreeWords says, for the answer just given to question, the first
// check it made hold, "This answer disagrees with bias-testing (yes):
// …" with the check's message, and how many more; "" for none. The
// footer cleans it, as it cleans every status.
func disagreeWords(ds []assess.Disagreement, question string) string {
	if len(ds) == 0 {
		return ""
	}
	d := ds[0]
	var others string
	for _, a := range d.Answers {
		if a.Question == question {
			continue
		}
		if others != "" {
			others += ", "
		}
		answer := a.Answer
		if answer == "" {
			answer = "unanswered"
		}
		others += fmt.Sprintf("%s (%s)", a.Question, answer)
	}
	s := fmt.Sprintf("This answer disagrees with %s: %s", others, d.Message)
	if n := len(ds) - 1; n > 0 {
		s += fmt.Sprintf(" (and %s)", assess.Count(n, "other check", "other checks"))
	}
	return s
}

// disagreeingSaid names, for the sign-off form, the consistency checks
// that hold, " Answers that disagree: 1 (groups-tested-yet-none-compared);
// the report lists them before its appendix.", or "" for none: a submit
// or an approval is not refused for them (which answer is wrong is the
// reviewer's call), but nobody signs without being told.
func disagreeingSaid(ds []assess.Disagreement) string {
	if len(ds) == 0 {
		return ""
	}
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	return fmt.Sprintf(" Answers that disagree: %d (%s); the report lists them before its appendix.", len(ds), strings.Join(ids, ", "))
}
