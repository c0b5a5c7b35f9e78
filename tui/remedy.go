package tui

import (
	"errors"

	"github.com/assay-dev/assay/assess"
)

// said is err as the workspace shows it, cleaned: a refusal whose remedy
// the domain names (assess.Remedy) says the key or the choice that makes
// it here. err.Error() names a command to type at a shell the person is
// not at; accessible mode says its menus' words instead (refusal).
func said(err error) string {
	var e *assess.Error
	msg, remedy := assess.RefusalOf(err)
	msg = clean(msg)
	if remedy == assess.NoRemedy || !errors.As(err, &e) {
		return msg
	}
	switch remedy {
	case assess.RemedyRevise:
		return msg + ": S on the review starts a revision"
	case assess.RemedyWithdraw:
		return msg + ": S on the review, then Withdraw to draft"
	case assess.RemedyAcceptUnconfirmed:
		return msg + ": choose Accept them as given when the sign-off asks"
	}
	return msg
}
