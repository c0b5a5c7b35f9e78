package store

import (
	"errors"

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

func (*pgDialect) fourEyesRefused(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501" && pe.ConstraintName == fourEyesConstraint
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
