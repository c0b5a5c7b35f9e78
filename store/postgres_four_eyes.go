package store

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/assay-dev/assay/assess"
)

// A team's server refuses the approval or rejection of an assessment by
// the login that last submitted it, four_eyes set or not (assay_signoff).
// Its refusal is marked (SQLSTATE 42501, constraint assay_four_eyes:
// migration 007) so that it is found whatever its words, and given as
// the domain's refusal with its remedy as a value: the command line,
// accessible mode and the workspace each say the withdrawal their way.

// fourEyesConstraint is the name the server's four-eyes refusal carries.
const fourEyesConstraint = "assay_four_eyes"

func (d *pgDialect) fourEyesRefused(err error) bool {
	rule, _ := d.ruleRefused(err)
	return rule == fourEyesConstraint
}

// ruleRefused is the mark of the server's refusal of one of assay's
// rules: SQLSTATE 42501 with a constraint name of assay's (007, 013).
func (*pgDialect) ruleRefused(err error) (rule, detail string) {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" && strings.HasPrefix(pe.ConstraintName, "assay_") {
		return pe.ConstraintName, pe.Detail
	}
	return "", ""
}

// fourEyesRefusal is the server's four-eyes refusal of action on
// assessment id, signed by submitter: the submitter may withdraw what
// they may not reject.
func fourEyesRefusal(id int64, action assess.Action, submitter string) error {
	if action == assess.ActReject {
		return assess.Errorf(assess.EConflict, "cannot reject assessment %d: %s submitted it for review and may not reject it: on the team database someone else must (four eyes); nothing was recorded, and %s can withdraw it",
			id, submitter, submitter).WithRemedy(assess.RemedyWithdraw, id)
	}
	return assess.Errorf(assess.EConflict, "cannot %s assessment %d: %s submitted it for review and may not %s it: on the team database someone else must (four eyes); nothing was recorded",
		action, id, submitter, action)
}
