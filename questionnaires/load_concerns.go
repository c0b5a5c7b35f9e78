package questionnaires

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// concerns reads a risk question's concerns: the controls that act
// against the risk, by framework as controls are, each checked against
// the catalogs the same way. A rating is evidence that the risk was
// assessed, which controls maps for coverage; concerns is what the
// risk's finding lists, so that a committee reads "illegitimate access:
// A.5.15, PR.AA-05, CC6.1" rather than the risk-assessment controls.
// nil when not given (findings then list controls); an empty mapping,
// concerns: {}, says the risk concerns no control the questionnaire can
// name, as a further risk the analyst names in the note. A blank
// concerns: could mean either, and the two read differently on the
// finding: it is refused, its hint saying both (Lint's EmptyHints).
func (l *loader) concerns(f yamlx.Fields) assess.Controls {
	v := f.Get("concerns")
	if !v.Exists() {
		return nil // a blank concerns: is refused as every empty field is, with Doc.EmptyHints' hint
	}
	return l.controls(v)
}
