package assess

import (
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess/safetext"
)

// compareReview tells where each assessment's review stands when the two
// differ: a committee reading this year's beside last year's must see
// that last year's was approved, by whom and on what conditions, and
// that this year's is still in review, was sent back or withdrawn. The
// DPO's opinion is compared on assessments that take one.
func compareReview(fromE, toE *Evaluation) []ItemFieldChange {
	from, to := fromE.Assessment, toE.Assessment
	var fs []ItemFieldChange
	if o, n := ReviewText(fromE), ReviewText(toE); o != n {
		fs = append(fs, ItemFieldChange{Field: "Review", Old: o, New: n})
	}
	if takesDPO(from, to) {
		if o, n := DPOOpinionText(from), DPOOpinionText(to); o != n {
			fs = append(fs, ItemFieldChange{Field: "DPO opinion", Old: o, New: n})
		}
	}
	return fs
}

// takesDPO reports whether either assessment takes a DPO opinion.
func takesDPO(from, to *Assessment) bool {
	return TakesDPOOpinion(from.Questionnaire) || TakesDPOOpinion(to.Questionnaire)
}

// ReviewText is where an evaluated assessment's review stands, on one
// line: its state, the last step of its review with who took it, when and
// their comment, the last time it was sent back (rejected or withdrawn)
// before that, whether it is archived, and, when its answers describe a
// use the law forbids, that the system must not be used, whatever the
// state (a rejection read alone is work to redo and submit again).
// `approved by Rui Costa on 2025-03-10 ("On condition that MFA is
// enforced by June")`.
func ReviewText(e *Evaluation) string {
	a := e.Assessment
	steps := make([]SignOff, 0, len(a.SignOffs))
	for _, s := range a.SignOffs {
		if s.Role != RoleDPO {
			steps = append(steps, s)
		}
	}
	text := a.Status.Words()
	if n := len(steps); n > 0 {
		last := steps[n-1]
		if last.Decision != text {
			text += ", " + last.Decision
		}
		text += signedBy(last)
		for i := n - 2; i >= 0; i-- {
			if s := steps[i]; s.Decision == "rejected" || s.Decision == "withdrawn" {
				if s.Decision != last.Decision {
					text += ", after " + withArticle(signOffNouns[s.Decision]) + signedBy(s)
				}
				break
			}
		}
	}
	if a.Archive.Archived() {
		text += ", archived"
	}
	if _, ok := UseForbidden(e.Result); ok {
		text += "; the system " + MustNotBeUsed
	}
	return text
}

// DPOOpinionText is the latest DPO opinion with who gave it, when and
// why, "(none)" before one is given.
func DPOOpinionText(a *Assessment) string {
	s, ok := a.DPOOpinion()
	if !ok {
		return none
	}
	return strings.ReplaceAll(s.Decision, "-", " ") + signedBy(s)
}

// signedBy is ` by NAME on DATE ("COMMENT")`, the comment left out when
// there is none. The comment is quoted as Go quotes a string (a quote or
// backslash typed in it written with a backslash before it, a character
// that does not print as its code) so that it ends only where assay ends
// it: in parentheses alone, a comment typed "OK), after a rejection by …
// (x" read as a step of the review.
func signedBy(s SignOff) string {
	t := " by " + safetext.OneLine(s.Name) + " on " + s.On.String()
	if c := safetext.OneLine(s.Comment); c != "" {
		t += " (" + strconv.Quote(c) + ")"
	}
	return t
}
