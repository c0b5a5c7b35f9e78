package assess

import (
	"errors"
	"fmt"
	"strings"
)

// Remedy is what a person refused can do instead, named by the domain so
// that each surface says it in its own words: the command line names the
// command to type, accessible mode the menu choice to make. A refusal's
// Message leaves it out; Error adds the command line's words.
type Remedy int

const (
	NoRemedy Remedy = iota
	// RemedyRevise: the assessment is approved and locked; a revision
	// (a new draft) changes it.
	RemedyRevise
	// RemedyWithdraw: the person who submitted it withdraws it to draft.
	RemedyWithdraw
	// RemedyAcceptUnconfirmed: the vendor's answers nobody confirmed are
	// accepted as the vendor gave them, with the decision.
	RemedyAcceptUnconfirmed
	// RemedyExplain: answers a consistency check finds disagreeing are
	// explained (RemedyWhat names the check), or one of them changed.
	RemedyExplain
	// RemedyReject: the approval is refused for good (a use the law
	// forbids); the reviewer rejects it, saying why.
	RemedyReject
)

// WithRemedy gives the refusal e the remedy r, on assessment id.
func (e *Error) WithRemedy(r Remedy, id int64) *Error {
	e.Remedy, e.RemedyOn = r, id
	return e
}

// command is the command line's words for e's remedy, "" without one.
func (e *Error) command() string {
	switch e.Remedy {
	case RemedyRevise:
		return fmt.Sprintf(" (assay revise %d)", e.RemedyOn)
	case RemedyWithdraw:
		return fmt.Sprintf(" (assay review %d --withdraw)", e.RemedyOn)
	case RemedyAcceptUnconfirmed:
		return " (assay review --accept-unconfirmed; in the workspace, the sign-off form asks)"
	case RemedyExplain:
		return fmt.Sprintf(" (assay answer %d, or assay explain %d %s \"why both stand\")", e.RemedyOn, e.RemedyOn, e.RemedyWhat)
	case RemedyReject:
		return fmt.Sprintf(" (assay review %d --reject --comment \"The system must not be used: …\")", e.RemedyOn)
	}
	return ""
}

// RefusalOf splits err into what it says without the command line's words
// for its remedy, and that remedy: NoRemedy, and err's text, when err is
// no refusal with one. Context wrapped around the refusal is kept.
func RefusalOf(err error) (string, Remedy) {
	var e *Error
	if err == nil {
		return "", NoRemedy
	}
	if !errors.As(err, &e) || e.Remedy == NoRemedy {
		return err.Error(), NoRemedy
	}
	text := err.Error()
	before, found := strings.CutSuffix(text, e.Error())
	if !found {
		return text, NoRemedy // wrapped with words after it: said as it is
	}
	return before + e.Message, e.Remedy
}
