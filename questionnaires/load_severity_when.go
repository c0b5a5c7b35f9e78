package questionnaires

import (
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// severityWhen reads severity_when: one {when, severity, reason}, or a
// list of them, each a severity the question's findings take instead of
// its own while a condition on earlier answers holds. It changes a
// severity the question has, so a question without one is refused, and
// so is an entry that gives the question's own severity, which changes
// nothing and would read as if it did.
func (l *loader) severityWhen(q *assess.Question, f yamlx.Fields, index int) {
	v := f.Get("severity_when")
	if !v.Exists() {
		return
	}
	// severity: null is no severity (the question makes no findings), so
	// it is refused as a missing one is.
	if !f.Get("severity").Exists() {
		if f.Empty("severity") {
			return // refused as empty already: one mistake, one problem
		}
		v.Problem("give the question a severity: the one its findings take when no condition holds",
			"severity_when changes a question's severity, and question %s has none", q.ID)
		return
	}
	items := []yamlx.Value{v}
	if v.IsList() {
		items = v.List()
		if len(items) == 0 {
			v.Problem("give at least one {when, severity, reason}, or remove severity_when",
				"severity_when is an empty list, so it changes nothing")
		}
	}
	// Where each condition was first written, by its text: the first
	// entry that holds decides, so a later one with the same condition
	// never applies, whatever severity it gives.
	firstWith := map[string]int{}
	for i, iv := range items {
		m := iv.Map("when", "severity", "reason")
		c := &assess.ConditionalSeverity{
			Reason: strings.TrimSpace(l.requiredText(m, "reason", "why the severity differs here, in a sentence the committee reads")),
		}
		if sv := m.Required("severity", "low, medium, high or critical"); sv.Exists() {
			sev, err := assess.ParseSeverity(sv.Str())
			switch {
			case err != nil:
				sv.Problem("", "%v", err)
			case sev == q.Severity:
				sv.Problem("remove the entry, or give another severity",
					"severity %s is the question's own, so this condition changes nothing", sev)
			}
			c.Severity = sev
		}
		if wv := m.Required("when", "a condition on earlier answers, such as decision-area in ['content', 'marketing']"); wv.Exists() {
			text := strings.Join(strings.Fields(wv.Str()), " ")
			if first, seen := firstWith[text]; seen {
				wv.Problem("remove this entry, or give it another condition",
					"the same condition as severity_when[%d], whose severity applies first, so this one never does", first)
			} else {
				firstWith[text] = i
			}
			l.pendingWhen = append(l.pendingWhen, pendingCondition{v: wv, before: index, set: func(e *condition.Expr) { c.When = e }})
		}
		q.SeverityWhen = append(q.SeverityWhen, c)
	}
}
