package tui

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// refusal is err said in accessible mode, cleaned: a refusal whose remedy
// the domain names (assess.Remedy) says what to choose in the menus the
// person is in, where the command line names a command to type at a shell
// they are not at.
func refusal(err error) string {
	return withRemedy(err, func(r assess.Remedy, id int64) string {
		switch r {
		case assess.RemedyRevise:
			return fmt.Sprintf("in assessment %d's choices, choose 3 to sign it off, then Start a revision", id)
		case assess.RemedyWithdraw:
			return "choose Withdraw to draft among the decisions"
		case assess.RemedyAcceptUnconfirmed:
			return "type y when the sign-off asks"
		case assess.RemedyReject:
			return "choose Reject among the decisions, saying the system must not be used"
		case assess.RemedyExplain:
			return fmt.Sprintf("change one of those answers in assessment %d's interview, or explain them at a shell: assay explain %d CHECK-ID followed by your reason in quotes", id, id)
		}
		return ""
	})
}
