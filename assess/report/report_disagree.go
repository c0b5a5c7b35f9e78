package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
)

// disagreements lists the answers that cannot all be true (the
// questionnaire's consistency checks that hold), each with the check's
// words and the answers it concerns, before the appendix that gives every
// answer in full. None, no section: a report is not padded with an empty
// one. The message is the questionnaire's and each answer the analyst's
// or the vendor's: both are cleaned to one line of plain text.
func (r *reporter) disagreements() {
	if len(r.res.Disagreements) == 0 {
		return
	}
	r.d.heading(2, txt("Answers that disagree"))
	r.d.para(txt("These answers cannot all be true as they read. The scores above take each as given. " +
		"Each is followed by why both stand, as the audit trail records it for these very answers, or by Not explained."))
	items := make([]document.Text, 0, len(r.res.Disagreements))
	for _, d := range r.res.Disagreements {
		items = append(items, txt(code(d.ID), ": ", endSentence(txt(user(d.Message))), " ", strong("Answers:"), " ", disagreeingAnswers(d.Answers), ". ",
			explanation(d)))
	}
	r.d.list(items...)
}

// disagreeingAnswers gives each answer a disagreement concerns after its
// question's ID, `bias-testing` "yes"; `intersectional-testing`
// "not-measured".
func disagreeingAnswers(answers []assess.DisagreeingAnswer) document.Text {
	var t document.Text
	for i, a := range answers {
		if i > 0 {
			t = txt(t, "; ")
		}
		// Quoted: an answer's label may hold commas, colons and
		// semicolons of its own.
		answer := txt(`"`, user(a.Answer), `"`)
		if a.Answer == "" {
			answer = txt(emph("unanswered"))
		}
		t = txt(t, code(a.Question), " ", answer)
	}
	return t
}

// DisagreeingAnswersWords is disagreeingAnswers as one line of plain
// text, for assay score: bias "yes"; groups-tested "none", each answer
// cleaned.
func DisagreeingAnswersWords(answers []assess.DisagreeingAnswer) string {
	parts := make([]string, len(answers))
	for i, a := range answers {
		answer := `"` + clean(a.Answer) + `"`
		if a.Answer == "" {
			answer = "unanswered"
		}
		parts[i] = a.Question + " " + answer
	}
	return strings.Join(parts, "; ")
}

// explanation says why a disagreement's answers both stand, with who
// explained it and on which day, "Explained by Ana Analyst on
// 2026-03-02: …", or that nobody has. The text is the analyst's: cleaned
// to one line of plain text, as every answer is.
func explanation(d assess.Disagreement) document.Text {
	e := d.Explanation
	if e == nil {
		return txt(strong("Not explained."))
	}
	return txt(strong("Explained"), " by ", user(e.By), " on ", e.At.UTC().Format(time.DateOnly), ": ", endSentence(txt(user(e.Text))))
}

// explanationWords is explanation as one line of plain text, for assay
// score.
func explanationWords(d assess.Disagreement) string {
	if d.Explanation == nil {
		return "Not explained."
	}
	return "Explained by " + clean(d.Explanation.By) + " on " + d.Explanation.At.UTC().Format(time.DateOnly) + ": " + sentence(clean(d.Explanation.Text))
}

// settleDisagreementsFirst puts before the decision asked the answers that
// disagree and that nobody has explained: a committee asked to approve
// would decide on two answers that cannot both be true, and assay refuses
// to submit the assessment while they stand (assess.DisagreementsRefused).
// They are settled first, by a changed answer or a recorded reason why
// both stand.
func (r *reporter) settleDisagreementsFirst(asked document.Text) document.Text {
	n := len(assess.Unexplained(r.res.Disagreements))
	if n == 0 {
		return asked
	}
	which, how := "the disagreement", "change an answer, or record why both stand"
	if n > 1 {
		which, how = fmt.Sprintf("the %d disagreements", n), "change an answer of each, or record why both stand"
	}
	which += " between answers that nobody has explained (listed before the appendix)"
	if !r.res.Complete {
		// The interim result asks for no decision yet: the answers to
		// settle join the questions to answer.
		return txt(asked, " Settle too "+which+": "+how+".")
	}
	return txt("first settle "+which+": "+how+"; then ", asked)
}
