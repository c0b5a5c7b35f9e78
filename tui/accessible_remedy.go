package tui

import (
	"errors"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// refusal is err said in accessible mode, cleaned: a refusal whose remedy
// the domain names (assess.Remedy) says what to choose in the menus the
// person is in, where the command line names a command to type at a shell
// they are not at.
func refusal(err error) string {
	var e *assess.Error
	msg, remedy := assess.RefusalOf(err)
	msg = clean(msg)
	if remedy == assess.NoRemedy || !errors.As(err, &e) {
		return msg
	}
	switch remedy {
	case assess.RemedyRevise:
		return msg + fmt.Sprintf(": in assessment %d's choices, choose 3 to sign it off, then Start a revision", e.RemedyOn)
	case assess.RemedyWithdraw:
		return msg + ": choose Withdraw to draft among the decisions"
	case assess.RemedyAcceptUnconfirmed:
		return msg + ": type y when the sign-off asks"
	}
	return msg
}
