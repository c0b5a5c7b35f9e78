package assess

import (
	"context"
	"errors"
	"fmt"
)

// Repository keeps assessments. The store package implements it on SQLite;
// the TUI and the CLI depend only on this interface.
type Repository interface {
	// CreateAssessment stores a new assessment with its questionnaire
	// snapshot and sets its ID and UUID.
	CreateAssessment(ctx context.Context, a *Assessment) error
	// Assessment loads an assessment with its snapshot, answers and plan edits.
	Assessment(ctx context.Context, id int64) (*Assessment, error)
	// Assessments lists assessments with their stored summaries, most
	// recently changed first.
	Assessments(ctx context.Context, f Filter) ([]*Assessment, error)
	// SaveAnswer durably records one answer (and its note and evidence)
	// before returning, and refreshes the summary.
	SaveAnswer(ctx context.Context, id int64, a Answer) error
	// SaveAnswers records several answers in one transaction: all or none.
	SaveAnswers(ctx context.Context, id int64, as []Answer) error
	// ReplaceAnswers records answers, each over the answer its author saw
	// (seen, by question; absent: unanswered). If someone else changed one
	// since, it records nothing and returns a *ConflictError.
	ReplaceAnswers(ctx context.Context, id int64, as []Answer, seen Answers) error
	// ChangePlanItem applies a change to a remediation item, inside the
	// write, to the item as it then is (Assessment.ChangePlanItem), and
	// returns the item's new edit; changed is false when it wrote nothing
	// (the item already read so).
	ChangePlanItem(ctx context.Context, id int64, key string, ch PlanChange, today Date) (edit PlanEdit, changed bool, err error)
	// SetArchived archives or restores an assessment.
	SetArchived(ctx context.Context, id int64, archived bool) error
	// StartedWithOtherContent lists the assessments started with a
	// questionnaire of q's ID and version but other content: a file
	// changed without a new version.
	StartedWithOtherContent(ctx context.Context, q *Questionnaire) ([]int64, error)
}

// Filter narrows a list of assessments.
type Filter struct {
	IncludeArchived bool
	// Limit keeps the first Limit assessments of the list; 0 keeps all. A
	// screen asks for the page it shows first and the rest after.
	Limit int
}

// Error codes, after Ben Johnson's WTF Dial: adapters translate their own
// failures into these so that callers can react without knowing the adapter.
const (
	ENotFound = "not_found"
	EInvalid  = "invalid"
	EConflict = "conflict"
	ELocked   = "locked"
	EInternal = "internal"
	// EUnavailable: the database could not be reached, or the connection
	// to it was lost, before the change was sent; nothing was recorded,
	// and the same change may be made again once it answers. Or the
	// connection was lost once the change's commit was sent, and whether
	// it was recorded cannot be told until the database answers: the
	// workspace makes it again over what it was first given over, so that
	// a change recorded after all is not recorded twice.
	EUnavailable = "unavailable"
)

// Error is a domain error with a code and a message meant for people.
type Error struct {
	Code    string
	Message string
	// Remedy, on assessment RemedyOn, is what the person can do instead;
	// Error adds the command line's words for it to Message.
	Remedy   Remedy
	RemedyOn int64
	// RemedyWhat names what on the assessment the remedy concerns, where
	// it needs naming: the consistency check to explain.
	RemedyWhat string
	// Brief, where set, is Message as a status line says it: Message may
	// name at length what the person knows already (the team database's
	// whole connection string, which the command line's reader may need
	// to fix), where a screen has one line for it.
	Brief string
}

func (e *Error) Error() string { return e.Message + e.command() }

// Errorf builds a domain error.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// OutcomeUnknown reports whether err is a write's whose outcome cannot be
// told: its connection was lost once its commit was sent (EUnavailable),
// so the database may have recorded it. The error says so by a method
// OutcomeUnknown() bool, so that no caller needs the adapter's types.
func OutcomeUnknown(err error) bool {
	var u interface{ OutcomeUnknown() bool }
	return errors.As(err, &u) && u.OutcomeUnknown()
}

// ErrorCode returns the code of a domain error, or EInternal for any other error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EInternal
}
