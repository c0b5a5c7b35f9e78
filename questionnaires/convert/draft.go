package convert

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// draft is a questionnaire being converted: the fields of assay's format
// that converters fill, and what could not be carried over, by question.
// It is written out as YAML by emit.
type draft struct {
	ID, Version, Title, Kind, Description, Copyright string
	Header                                           []string // comment lines at the top of the file
	Dimensions                                       []draftDimension
	Sections                                         []*draftSection
	// At holds the source field each header field was taken from (id,
	// version, title, description, copyright), where there is one.
	At map[string]yamlx.Value

	ids map[string]bool // question and section IDs given out, to keep them unique
}

type draftDimension struct{ ID, Title, Higher string }

type draftSection struct {
	ID, Title, Help string
	Questions       []*draftQuestion
	At              yamlx.Value // the source's node it was made from
}

type draftQuestion struct {
	ID, Type, Text, Help, When string
	Dimension                  string // "" for the default; "none" for an unscored question
	Optional                   bool
	Options                    []draftOption
	Severity, Action           string
	Controls                   map[string][]string // framework -> control IDs
	ControlNotes               []string            // where each control came from, for the comment
	Source                     string              // the source's reference (URN, question ID), for the comment
	Notes                      []string            // what could not be carried over
	At                         yamlx.Value         // the source's question or requirement it was made from
}

type draftOption struct {
	Value, Label string
	Points       string // "" for none
	NA           bool
	Gap          string      // "", none, partial or full
	At           yamlx.Value // the source's field its value was made from
}

func newDraft() *draft { return &draft{ids: map[string]bool{}, At: map[string]yamlx.Value{}} }

// uniqueID turns text into an assay identifier (a letter, then letters,
// digits, "_", "-" or ".") not given out before: "1.2" becomes "r1.2",
// "R&D" "rd", and a second "gv" becomes "gv-2".
func (d *draft) uniqueID(text, prefix string) string {
	var b strings.Builder
	dash := false
	// From the text as written (oneLine): an escape sequence's tail would
	// read as letters.
	for _, r := range strings.ToLower(oneLine(text)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '_':
			b.WriteRune(r)
			dash = false
		case r == '&' || r == '\'':
			// R&D reads as rd; don't becomes dont. (CAIQ IDs keep theirs: caiqRef.)
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.Trim(b.String(), "-._")
	if len(id) > maxIDLen {
		id = cutID(id)
	}
	// "null" is written unquoted, and YAML reads it as no ID at all.
	if id == "" || id[0] < 'a' || id[0] > 'z' || !condition.IsValidRef(id) || id == "null" {
		id = prefix + id
	}
	base := id
	for n := 2; d.ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	d.ids[id] = true
	return id
}

// questionCount is how many questions the draft holds.
func (d *draft) questionCount() int {
	n := 0
	for _, s := range d.Sections {
		n += len(s.Questions)
	}
	return n
}

// clean makes text from the source fit a questionnaire: no escape
// sequences, control characters or characters that show as nothing (a
// question of zero-width spaces would be asked blank), no trailing
// spaces, and paragraphs kept.
func clean(s string) string {
	lines := strings.Split(safetext.DropHidden(safetext.Clean(s)), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// oneLine is clean text on one line, for titles, labels and comments.
func oneLine(s string) string { return safetext.OneLine(s) }

// firstParagraph splits text at its first blank line.
func firstParagraph(s string) (first, rest string) {
	s = clean(s)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+2:])
	}
	return s, ""
}

// joinParagraphs joins the non-empty texts with blank lines.
func joinParagraphs(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// maxIDLen is the longest ID made from a text.
const maxIDLen = 60

// cutID shortens an ID made from a longer text to maxIDLen at most, at
// the last separator ("-", "." or "_") that keeps it within them, so that
// the last word is whole: only a first word longer than that is cut
// inside.
func cutID(id string) string {
	cut := maxIDLen
	if id[maxIDLen] != '-' && id[maxIDLen] != '.' && id[maxIDLen] != '_' {
		if i := strings.LastIndexAny(id[:maxIDLen], "-._"); i > 0 {
			cut = i
		}
	}
	return strings.Trim(id[:cut], "-._")
}
