// Package yamlx walks a YAML document keeping each value's position and
// field path, so that every problem in a file can be reported at once with
// file:line:column and the field it concerns.
package yamlx

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one mistake in a file.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Field   string `json:"field"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	// Warning marks something valid but probably not meant; it does not
	// stop the file from loading.
	Warning bool `json:"warning,omitempty"`
}

func (p Problem) String() string {
	msg := p.Message
	if p.Field != "" {
		msg = p.Field + ": " + msg
	}
	if p.Warning {
		msg = "warning: " + msg
	}
	s := fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Column, msg)
	if p.Hint != "" {
		s += " (" + p.Hint + ")"
	}
	return s
}

// Problems is a list of problems; as an error it reads as one per line.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders problems by file, line and column, keeping the order in
// which they were found among problems at the same place.
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}
