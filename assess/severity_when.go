package assess

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess/condition"
)

// ConditionalSeverity is a severity a question's findings take instead of
// the question's own while a condition on earlier answers holds
// (severity_when): the same missing measure matters more where decisions
// cost people work, money or liberty than where they pick an article to
// read, and the answers that say which come before it.
type ConditionalSeverity struct {
	When     *condition.Expr
	Severity Severity
	// Reason says, in a sentence the committee reads, why the severity
	// differs here; the finding's severity explanation gives it.
	Reason string
}

// severityOf is the severity of a full gap on q answered v under the
// answers env shows, whose it is ("the question's", "the answer's") when
// no severity_when decides, and why when one does. The chosen
// option's own severity, where it has one, stands in for the question's;
// then the first severity_when whose condition holds replaces the
// question's severity, and raises an option's but never lowers it: an
// option that says "this answer is at least high" stays at least high
// for every subject, while the same gap on more sensitive data may be
// worse (a breach kept from customers, for a vendor holding health data).
func (q *Question) severityOf(env condition.Env, v Value) (sev Severity, whose, why string) {
	own, whose := q.Severity, "the question's"
	option := q.optionSeverity(v)
	if option != SeverityNone {
		own, whose = option, "the answer's"
	}
	for _, c := range q.SeverityWhen {
		if !c.When.Eval(env) {
			continue
		}
		if option != SeverityNone && c.Severity <= option {
			return own, whose, "" // never below the option's own severity
		}
		// Without its full stop: the explanation joins its parts with "; ".
		return c.Severity, "", fmt.Sprintf("%s, not %s %s: %s", c.Severity, whose, own, strings.TrimSuffix(c.Reason, "."))
	}
	return own, whose, ""
}
