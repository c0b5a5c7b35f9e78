package questionnaires

import (
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// lapse reads a date question's lapse: the words for what ends on the
// date answered ("the certificate's expiry"), which make the plan item
// due no later than that date and which the plan quotes as the reason.
// Only an until question has one: an age question's date is in the past,
// with nothing left to lapse. The words go into the plan's sentence, so
// they are one line of plain text, and never blank.
func (l *loader) lapse(f yamlx.Fields, until bool) string {
	v := f.Get("lapse")
	if !v.Exists() {
		return ""
	}
	const hint = "name what ends on the date answered, as the plan says it: lapse: the certificate's expiry"
	s := strings.TrimSpace(v.Str())
	if l.cat.AcceptsAnyFramework() {
		return s // a stored snapshot is read as it was accepted
	}
	switch {
	case !until:
		v.Problem("add until bands, or remove lapse", "lapse applies to a date scored by until, the days left before it")
	case s == "":
		v.Problem(hint, "lapse is blank")
	default:
		if err := assess.CheckLine("lapse", s); err != nil {
			v.Problem(hint, "%s", err.Error())
		}
	}
	return s
}
