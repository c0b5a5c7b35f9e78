package questionnaires

import (
	"fmt"
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// consistency reads the checks of answers against each other: each an
// id, a condition that holds when the answers disagree, the questions it
// concerns (two at least: one answer cannot disagree with itself), and a
// message. The condition is checked as every other is (unknown questions
// and options, comparisons and whole conditions that can never hold), on
// all the questions, since a check reads the answers once all are given.
func (l *loader) consistency(v yamlx.Value) {
	if !v.Exists() {
		return
	}
	items := v.List()
	if v.IsList() && len(items) == 0 {
		v.Problem("give at least one check, or remove consistency", "consistency is an empty list")
	}
	firstAt := map[string]int{}
	// assay explain names a check exactly, so one typed as the other,
	// told apart only by case, would explain the wrong disagreement.
	twins := newCaseTwins("consistency check id", "defined", "give each check an ID no other has, in any case")
	for _, cv := range items {
		f := cv.Map("id", "when", "questions", "message")
		c := &assess.ConsistencyCheck{}
		idv := f.Required("id", "a short name such as bias-without-intersectional")
		c.ID = l.id(idv)
		if line, dup := firstAt[c.ID]; dup && c.ID != "" {
			idv.Problem(fmt.Sprintf("first defined at line %d", line), "duplicate consistency check id %q", c.ID)
		} else if c.ID != "" {
			firstAt[c.ID] = idv.Line()
			l.checkCaseTwin(twins, idv, c.ID)
		}
		c.Message = strings.TrimSpace(l.requiredText(f, "message", "why the answers cannot both be true, in a sentence the reviewer reads"))
		c.Questions = l.checkQuestions(f.Required("questions", "the questions whose answers disagree, two or more"))
		if wv := f.Required("when", "a condition that holds when the answers disagree, such as bias-testing == 'yes' and intersectional-testing == 'not-measured'"); wv.Exists() {
			l.pendingWhen = append(l.pendingWhen, pendingCondition{v: wv, before: len(l.q.Questions), set: func(e *condition.Expr) { c.When = e }})
			l.pendingChecks = append(l.pendingChecks, pendingCheck{check: c, when: wv, questions: f.Get("questions")})
		}
		l.q.Consistency = append(l.q.Consistency, c)
	}
}

// checkQuestions reads a check's questions: known ones, each once, two at
// least.
func (l *loader) checkQuestions(v yamlx.Value) []string {
	if !v.Exists() {
		return nil
	}
	var ids []string
	for _, qv := range v.List() {
		id := qv.Str()
		switch _, known := l.q.Question(id); {
		case !known:
			qv.Problem(yamlx.Suggest(id, l.questionIDs()), "no question %q", id)
		case slices.Contains(ids, id):
			qv.Problem("name each question once", "question %s is named twice", id)
		default:
			ids = append(ids, id)
		}
	}
	if v.IsList() && len(v.List()) < 2 {
		v.Problem("name every question whose answers disagree: two or more",
			"a consistency check concerns at least two questions; one answer cannot disagree with itself")
	}
	return ids
}

// pendingCheck is a consistency check whose condition is matched with
// its questions once the condition is read.
type pendingCheck struct {
	check     *assess.ConsistencyCheck
	when      yamlx.Value
	questions yamlx.Value
}

// matchCheckQuestions refuses a check whose condition reads a question
// its questions do not name (the reviewer would be pointed at some of the
// answers that disagree, not all), or reads fewer than two questions (it
// tests one answer, which is a question's own business, not a
// disagreement). Conditions that were refused are skipped: their own
// problem says what is wrong.
func (l *loader) matchCheckQuestions() {
	for _, pc := range l.pendingChecks {
		if pc.check.When == nil {
			continue
		}
		var read []string
		for _, c := range pc.check.When.Comparisons() {
			if !slices.Contains(read, c.Ref.Name) {
				read = append(read, c.Ref.Name)
			}
		}
		// A misspelt name in questions is refused on its own: the
		// question it was meant to be is not also reported missing.
		written := pc.questions.StrList()
		misspelt := slices.ContainsFunc(written, func(id string) bool { _, ok := l.q.Question(id); return !ok })
		for _, id := range read {
			if !misspelt && pc.questions.Exists() && !slices.Contains(written, id) {
				pc.questions.Problem("add "+id+" to questions", "the condition reads %s, which questions does not name", id)
			}
		}
		if len(read) < 2 {
			what := "no question"
			if len(read) == 1 {
				what = "only " + read[0]
			}
			pc.when.Problem("compare the answers of two or more questions",
				"the condition reads %s, so it cannot find two answers that disagree", what)
		}
	}
}
