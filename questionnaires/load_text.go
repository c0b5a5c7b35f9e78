package questionnaires

import (
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// requiredText reads a required text field, where blank text is as
// missing as no text: a questionnaire with version "" or a question whose
// text is "  " would load and show the analyst nothing. A stored snapshot
// is read as it is: it was accepted when it was stored, and refusing it
// now would stop every list of the portfolio.
func (l *loader) requiredText(f yamlx.Fields, key, hint string) string {
	v := f.Required(key, hint)
	s := v.Str()
	if v.Exists() && strings.TrimSpace(s) == "" && !l.cat.AcceptsAnyFramework() {
		v.Problem(hint, "%s is required, and is blank", key)
	}
	return s
}

// requiredLine is requiredText for a version or a title, which is meant
// to be one line of plain text: lint warns of a line break or an escape
// sequence there. It is not refused: every output cleans such text (a
// stored snapshot may hold it), and the hostile questionnaires the tests
// feed through every command carry it there.
func (l *loader) requiredLine(f yamlx.Fields, key, hint string) string {
	s := l.requiredText(f, key, hint)
	if l.cat.AcceptsAnyFramework() {
		return s
	}
	if err := assess.CheckLine(key, s); err != nil {
		f.Get(key).Warn(hint, "%s", err.Error())
	}
	return s
}
