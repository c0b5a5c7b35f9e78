package questionnaires

import (
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// Past these lengths, in characters, lint warns: the workspace and the
// reports show the text, but no longer well. The built-in questionnaires
// stay well under them (their longest title is 56 characters, section
// title 43, question 256, option label 167, action 289, help 1,207 and
// description 3,245).
const (
	warnTitle        = 120    // the questionnaire's title: one line of a list, a report's heading
	warnSectionTitle = 80     // a section's title: two lines of the sidebar, three above the question
	warnQuestion     = 500    // a question: a few lines above its options
	warnLabel        = 200    // an option's label: one line or two of a list of options
	warnAction       = 1000   // an action: a plan item and a finding's recommendation
	warnHelp         = 4000   // guidance, shown on demand and scrolled
	warnDescription  = 10_000 // the questionnaire's description, shown in full only in reports
)

// checkLength warns of text longer than warnAt characters and refuses
// text longer than the limit on any free text (assess.MaxTextLength
// bytes), as an answer or a note would be: a section title of 50,000
// characters, pasted by mistake, filled the question pane. A stored
// snapshot is read as it is.
func (l *loader) checkLength(v yamlx.Value, key, s string, warnAt int) {
	if l.cat.AcceptsAnyFramework() {
		return
	}
	switch n := utf8.RuneCountInString(s); {
	case len(s) > assess.MaxTextLength:
		v.Problem("", "%s is %d characters (%d bytes) long; the limit is %d bytes", key, n, len(s), assess.MaxTextLength)
	case n > warnAt:
		v.Warn("", "%s is %d characters long; past %d, the workspace and the reports show it poorly", key, n, warnAt)
	}
}
