package store

import (
	"errors"
	"fmt"
)

// changedOutside is a value assay stores as JSON it wrote (an answer, the
// deadlines, a summary, a plan edit, a subject's contacts) that no longer
// reads: nothing assay does leaves one, so the database was changed
// outside assay. Every command that meets one says so in those words,
// rather than with encoding/json's, and verify reports it as a break.
//
// A value that reads but is one assay never writes (an archive flag of
// 7) is one too, said as what it is (is).
type changedOutside struct {
	chain string // "assessment" or "subject"
	id    int64
	field string // "deadlines", "answer to mfa", "plan edit of mfa"
	err   error  // why it does not read, for the curious (errors.Unwrap)
	is    string // what the field is, when it reads: "is 7, which assay never writes (…)"
}

// said is what is wrong with the field.
func (e *changedOutside) said() string {
	if e.is != "" {
		return e.is
	}
	return "cannot be read: assay never stores what is there"
}

func (e *changedOutside) Error() string {
	return fmt.Sprintf("%s %d's %s %s, so the database was changed outside assay (assay verify checks the whole of it)",
		e.chain, e.id, e.field, e.said())
}

func (e *changedOutside) Unwrap() error { return e.err }

// unreadable wraps err, a stored value's decoding error, as changed
// outside assay; nil stays nil.
func unreadable(chain string, id int64, field string, err error) error {
	if err == nil {
		return nil
	}
	return &changedOutside{chain: chain, id: id, field: field, err: err}
}

// asBreak is err as verify reports it when it is a stored value that does
// not read, or is not one assay writes: a break of the owner's chain, not
// a failure of verify.
func asBreak(err error) (*Break, bool) {
	var co *changedOutside
	if !errors.As(err, &co) {
		return nil, false
	}
	return &Break{Chain: co.chain, OwnerID: co.id,
		Reason: "its " + co.field + " " + co.said() + ", so it was changed outside assay"}, true
}
