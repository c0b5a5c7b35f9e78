package questionnaires

import (
	"fmt"
	"github.com/assay-dev/assay/assess"
	"unicode/utf8"

	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

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
	// MaxVersionLength bounds a questionnaire's and an extension's
	// version as written (the built-ins' longest is 6 characters). The
	// combined version assay writes for an extension (its version, the
	// base's ID and version) is longer by design and not held to it.
	MaxVersionLength = 64
	// MaxCombinedVersionLength bounds an extension's combined version,
	// which carries its base's whole: a chain of extensions made one of
	// 700 characters, shown whole in assay list, the report's heading and
	// each assessment's header. A reader of the report needs every layer's
	// version, so it is refused, not cut. One extension within the other
	// limits stays under it (64 + 1 + 64 + 1 + 64 is 194).
	MaxCombinedVersionLength = 200
	// MaxControlNameLength, MaxControlGroupLength and
	// MaxCatalogTitleLength bound a user catalog's control names, groups
	// and title, shown whole in the report's control tables, the coverage
	// report and assay list. The built-in catalogs' longest name is NIST
	// CSF's 198 characters, longest group 70; a title is a list's line.
	MaxControlNameLength  = 300
	MaxControlGroupLength = 120
	MaxCatalogTitleLength = 200
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

// combinedVersionTooLong refuses, at an extension's version, a combined
// version (see CombinedVersion) past MaxCombinedVersionLength, saying
// what makes it up: the base of a chain of extensions carries the
// versions of every layer below it.
func combinedVersionTooLong(v yamlx.Value, base *assess.Questionnaire) {
	if utf8.RuneCountInString(v.Str()) > MaxVersionLength {
		return // said already, of the version itself
	}
	combined := CombinedVersion(v.Str(), base.ID, base.Version)
	if n := utf8.RuneCountInString(combined); n > MaxCombinedVersionLength {
		v.Problem("give this extension, or those it is built on, a shorter version or ID",
			"the combined version would be %d characters long (this version, then %s's ID and version, %s); a combined version is at most %d",
			n, base.ID, quoteStart(base.Version), MaxCombinedVersionLength)
	}
}

// versionTooLong refuses a version, as written, of more than
// MaxVersionLength characters at its line: assay list, the report's
// heading and each assessment's header show it whole, and one of 10,000
// characters filled them.
func versionTooLong(v yamlx.Value, version string) {
	if n := utf8.RuneCountInString(version); n > MaxVersionLength {
		v.Problem(`a short version, such as "1.2.0"; what changed belongs in the description`,
			"version is %d characters long; a version is at most %d", n, MaxVersionLength)
	}
}
