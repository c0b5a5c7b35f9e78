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

// severityUnder is the severity of a full gap on q under the answers env
// shows: that of the first severity_when whose condition holds, with why,
// or the question's own severity and no reason.
func (q *Question) severityUnder(env condition.Env) (Severity, string) {
	for _, c := range q.SeverityWhen {
		if c.When.Eval(env) {
			// Without its full stop: the explanation joins its parts with "; ".
			return c.Severity, fmt.Sprintf("%s, not the question's %s: %s", c.Severity, q.Severity, strings.TrimSuffix(c.Reason, "."))
		}
	}
	return q.Severity, ""
}
