package questionnaires

import "fmt"

// IDs are written in conditions, answer files and --questionnaire
// arguments, and shown in findings, the sidebar, assay list and the
// report's tables. Past these lengths, in characters, they break those
// lines and tables, so the loader refuses them. The built-in
// questionnaires' longest ID is 39 characters and their longest option
// value 22; assay convert makes no ID over 60.
const (
	// MaxIDLength bounds a questionnaire's, section's, question's,
	// dimension's, level's, rule's and consistency check's id, and an
	// ID a question replaces.
	MaxIDLength = 64
	// MaxOptionValueLength bounds an option's value. It is longer than
	// an ID because the shorthand "- Some label" makes the label the
	// value too.
	MaxOptionValueLength = 100
)

// quoteStart quotes the start of a long text, for a message about its
// length that must not repeat all of it.
func quoteStart(s string) string {
	const shown = 20
	if r := []rune(s); len(r) > shown {
		return fmt.Sprintf("%q…", string(r[:shown]))
	}
	return fmt.Sprintf("%q", s)
}
