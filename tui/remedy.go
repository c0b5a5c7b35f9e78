package tui

import (
	"errors"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// said is err as the workspace shows it, cleaned: a refusal whose remedy
// the domain names (assess.Remedy) says the key or the choice that makes
// it here. err.Error() names a command to type at a shell the person is
// not at; accessible mode says its menus' words instead (refusal).
func said(err error) string {
	return withRemedy(err, func(r assess.Remedy, _ int64) string {
		switch r {
		case assess.RemedyRevise:
			return "S on the review starts a revision"
		case assess.RemedyWithdraw:
			return "S on the review, then Withdraw to draft"
		case assess.RemedyAcceptUnconfirmed:
			return "choose Accept them as given when the sign-off asks"
		case assess.RemedyExplain:
			return "D on the review's Scores, or in the interview on one of those questions, explains it"
		case assess.RemedyReject:
			return "S on the review, then Reject, saying the system must not be used"
		}
		return ""
	})
}

// withRemedy is err's message cleaned, followed by what phrase says of
// its remedy on assessment id in the surface's own words ("" for none).
func withRemedy(err error, phrase func(r assess.Remedy, id int64) string) string {
	var e *assess.Error
	msg, remedy := assess.RefusalOf(err)
	msg = clean(msg)
	if remedy == assess.NoRemedy || !errors.As(err, &e) {
		return msg
	}
	if p := phrase(remedy, e.RemedyOn); p != "" {
		return msg + ": " + p
	}
	return msg
}

// saidBriefly is said for a status line: an error the store gave a brief
// form (assess.Error.Brief: the team database named login@host/database
// rather than by its whole connection string, which wrapped the status
// to three lines) says that one, after any context wrapped around it.
func saidBriefly(err error) string {
	var e *assess.Error
	if errors.As(err, &e) && e.Brief != "" {
		if before, ok := strings.CutSuffix(err.Error(), e.Error()); ok {
			return clean(before + e.Brief)
		}
	}
	return said(err)
}
