package assess

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess/safetext"
)

// Explanation is why two answers a consistency check finds disagreeing
// both stand, as someone wrote it in the audit trail: the check, the
// answers the check read when it was written (each question's ID and
// answer as people read it), the text, who wrote it and when. It holds
// for those answers only: once any of them changes, the disagreement is
// unexplained again, since what was explained is no longer what is
// there.
type Explanation struct {
	Check   string              `json:"check"`
	Answers []DisagreeingAnswer `json:"answers"`
	Text    string              `json:"text"`
	By      string              `json:"by"`
	At      time.Time           `json:"at"`
	Seq     int64               `json:"audit_seq"` // its audit record
	// CarriedFrom is the assessment a revision carried it from, where
	// it stood for the same answers (0 for one written here); By and At
	// are still who wrote it and when.
	CarriedFrom int64 `json:"carried_from,omitempty"`
}

// ExplainKind is the audit record kind of an explanation; its target is
// the check's ID, its new value the answers and the text.
const ExplainKind = "explain"

// MaxExplanationLength bounds an explanation, in characters: a reason a
// committee reads beside the answers, a paragraph rather than a file.
const MaxExplanationLength = 2000

// ExplanationRecord is what an explanation's audit record holds beside
// who and when (the record's own actor and time).
type ExplanationRecord struct {
	Answers []DisagreeingAnswer `json:"answers"`
	Text    string              `json:"text"`
	// Carried is set on a revision's record of an explanation that
	// stood on the assessment it revises: the record's actor is who
	// started the revision, Carried who wrote the text, and when.
	Carried *CarriedExplanation `json:"carried,omitempty"`
}

// CarriedExplanation says where a revision's explanation was carried
// from: the assessment revised, its audit record of the explanation, and
// who wrote it when (for one itself carried, who first wrote it).
type CarriedExplanation struct {
	Assessment int64     `json:"assessment"`
	Seq        int64     `json:"audit_seq"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
}

// CarriedExplanations are the records a revision of a starts with for the
// explanations standing on a: one for each disagreement explained for
// the answers a holds, which the revision copies as they are. Such an
// explanation explains those answers on the revision as it did here, so
// nobody is asked again why answers nobody changed both stand; one whose
// answers change in the revision is asked for again (explain). An
// explanation that no longer stood here (its answers changed after it)
// is not carried.
func (a *Assessment) CarriedExplanations() []CheckExplained {
	if a.Questionnaire == nil {
		return nil
	}
	res := Score(a.Questionnaire, a.Answers, a.AssessedOn)
	a.explain(res)
	var out []CheckExplained
	for _, d := range res.Disagreements {
		if e := d.Explanation; e != nil {
			out = append(out, CheckExplained{Check: d.ID, Record: ExplanationRecord{Answers: e.Answers, Text: e.Text,
				Carried: &CarriedExplanation{Assessment: a.ID, Seq: e.Seq, By: e.By, At: e.At}}})
		}
	}
	return out
}

// CheckExplained is an explanation's audit record with the check it
// explains (the record's target).
type CheckExplained struct {
	Check  string
	Record ExplanationRecord
}

// NewExplanation checks an explanation of check on a, as of its answers
// now, and returns what its audit record holds. It is refused when the
// check does not hold (there is nothing to explain), when the assessment
// is approved (locked), and when the text is blank, too long or not
// UTF-8; escape sequences and control characters other than newlines and
// tabs are removed, as from every free text.
func NewExplanation(a *Assessment, check, text string) (ExplanationRecord, error) {
	if err := a.Editable(); err != nil {
		return ExplanationRecord{}, err
	}
	text, err := CleanText("the explanation", text)
	if err != nil {
		return ExplanationRecord{}, err
	}
	text = strings.TrimSpace(text)
	if Blank(text) {
		return ExplanationRecord{}, Errorf(EInvalid, "the explanation is empty: say why both answers stand")
	}
	if n := utf8.RuneCountInString(text); n > MaxExplanationLength {
		return ExplanationRecord{}, Errorf(EInvalid, "the explanation is %d characters long; the limit is %d", n, MaxExplanationLength)
	}
	if a.Questionnaire == nil || !slices.ContainsFunc(a.Questionnaire.Consistency, func(c *ConsistencyCheck) bool { return c.ID == check }) {
		return ExplanationRecord{}, Errorf(ENotFound, "assessment %d's questionnaire has no consistency check %q%s", a.ID, safetext.OneLine(check), checkIDsWords(a.Questionnaire))
	}
	res := Score(a.Questionnaire, a.Answers, a.AssessedOn)
	for _, d := range res.Disagreements {
		if d.ID == check {
			return ExplanationRecord{Answers: d.Answers, Text: text}, nil
		}
	}
	return ExplanationRecord{}, Errorf(EConflict, "consistency check %s does not hold on assessment %d: its answers do not disagree, so there is nothing to explain", check, a.ID)
}

// checkIDsWords names a questionnaire's checks for a refusal: " (its
// checks: a, b)".
func checkIDsWords(q *Questionnaire) string {
	if q == nil || len(q.Consistency) == 0 {
		return " (it has none)"
	}
	ids := make([]string, len(q.Consistency))
	for i, c := range q.Consistency {
		ids[i] = c.ID
	}
	return " (its checks: " + strings.Join(ids, ", ") + ")"
}

// explain gives each disagreement in res its standing explanation: the
// latest recorded for its check whose answers are the answers now and
// none of whose questions was answered again after it. An answer changed
// and changed back was still changed: what was explained was replaced,
// and whoever changed it back says so again.
func (a *Assessment) explain(res *Result) {
	for i := range res.Disagreements {
		d := &res.Disagreements[i]
		d.Explanation = nil
		for j := len(a.Explanations) - 1; j >= 0; j-- {
			e := a.Explanations[j]
			if e.Check != d.ID {
				continue
			}
			if slices.Equal(e.Answers, d.Answers) && !a.answeredAfter(d.Answers, e.At) {
				d.Explanation = &a.Explanations[j]
			}
			break // only the latest counts: an older one explained other answers
		}
	}
}

// answeredAfter reports whether any of the answers was saved after at.
func (a *Assessment) answeredAfter(answers []DisagreeingAnswer, at time.Time) bool {
	for _, da := range answers {
		if ans, ok := a.Answers[da.Question]; ok && ans.UpdatedAt.After(at) {
			return true
		}
	}
	return false
}

// Unexplained lists the disagreements nobody has explained.
func Unexplained(ds []Disagreement) []Disagreement {
	var out []Disagreement
	for _, d := range ds {
		if d.Explanation == nil {
			out = append(out, d)
		}
	}
	return out
}

// DisagreementsRefused refuses to submit an assessment while a
// consistency check holds that nobody has explained: the committee would
// otherwise rely on two answers that cannot both be true with nobody
// having said which, or why both stand. An approval is refused only for
// a check whose answers changed after the submission: one submitted
// before explanations were asked for is not stopped after the fact, and
// one submitted since had each disagreement explained or gone.
func DisagreementsRefused(a *Assessment, action Action) error {
	if action != ActSubmit && action != ActApprove {
		return nil
	}
	res := Score(a.Questionnaire, a.Answers, a.AssessedOn)
	a.explain(res)
	open := Unexplained(res.Disagreements)
	if action == ActApprove {
		changed := a.QuestionsChangedInReview()
		open = slices.DeleteFunc(open, func(d Disagreement) bool {
			return !slices.ContainsFunc(d.Answers, func(da DisagreeingAnswer) bool { return slices.Contains(changed, da.Question) })
		})
	}
	if len(open) == 0 {
		return nil
	}
	parts := make([]string, len(open))
	for i, d := range open {
		parts[i] = fmt.Sprintf("%s: %s (answers: %s)", d.ID, safetext.OneLine(strings.TrimSuffix(d.Message, ".")), DisagreeingAnswersLine(d.Answers))
	}
	which := "a consistency check finds answers that disagree"
	if len(open) > 1 {
		which = fmt.Sprintf("%d consistency checks find answers that disagree", len(open))
	}
	e := Errorf(EConflict, "cannot %s assessment %d: %s, and nobody has explained why: %s; change one of the answers, or explain why both stand",
		action, a.ID, which, strings.Join(parts, "; "))
	e.RemedyWhat = open[0].ID
	return e.WithRemedy(RemedyExplain, a.ID)
}

// DisagreeingAnswersLine is a disagreement's answers on one line of plain
// text: bias-testing "yes", intersectional-testing "not-measured", each
// answer cleaned.
func DisagreeingAnswersLine(answers []DisagreeingAnswer) string {
	parts := make([]string, len(answers))
	for i, a := range answers {
		answer := `"` + safetext.OneLine(a.Answer) + `"`
		if a.Answer == "" {
			answer = "unanswered"
		}
		parts[i] = safetext.OneLine(a.Question) + " " + answer
	}
	return strings.Join(parts, ", ")
}

// Words is an explanation as one line of plain text for a terminal:
// "explained by Ana Analyst on 2026-12-06: the test report covers …".
func (e *Explanation) Words() string {
	return fmt.Sprintf("explained by %s on %s: %s", safetext.OneLine(e.By), e.At.UTC().Format(time.DateOnly), safetext.OneLine(e.Text))
}
