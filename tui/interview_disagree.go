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
// that hold, " Answers that disagree: 1 (groups-tested-yet-none-compared),
// explained; the report lists them before its appendix.", or "" for
// none. Those nobody has explained are named with the way out: a
// submission is refused until each is explained or an answer changed
// (assess.DisagreementsRefused), and the form says so before the
// signer types a comment for nothing.
func disagreeingSaid(ds []assess.Disagreement) string {
	if len(ds) == 0 {
		return ""
	}
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	s := fmt.Sprintf(" Answers that disagree: %d (%s); the report lists them before its appendix.", len(ds), strings.Join(ids, ", "))
	if open := assess.Unexplained(ds); len(open) > 0 {
		words := make([]string, len(open))
		for i, d := range open {
			words[i] = d.ID + ": " + strings.TrimSuffix(d.Message, ".") + " (answers: " + assess.DisagreeingAnswersLine(d.Answers) + ")"
		}
		s += fmt.Sprintf(" Not explained: %s. A submission is refused until each is explained (D on the review's Scores, or in the interview on one of its questions) or one of its answers changed.",
			strings.Join(words, "; "))
	}
	return s
}
