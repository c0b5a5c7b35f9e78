package history

import (
	"strings"
	"time"

	"github.com/assay-dev/assay/assess/safetext"
)

// When is the record's time as people read it, in UTC as recorded, to
// the second: "2026-03-01 09:00:05". A time that does not read (a record
// written outside assay) is shown as recorded, cleaned.
func (e Entry) When() string {
	t, err := time.Parse(time.RFC3339Nano, e.At)
	if err != nil {
		return safetext.OneLine(e.At)
	}
	return t.UTC().Format(time.DateTime)
}

// Who is the recorded actor, cleaned for one line; "(nobody recorded)"
// for a record without one.
func (e Entry) Who() string {
	if w := safetext.OneLine(e.Actor); w != "" {
		return w
	}
	return "(nobody recorded)"
}

// Lines are the entry's What (with the question or item it concerns),
// then one line a change: "note: SMS codes only -> (none)". arrow goes
// between old and new ("->" on the command line, "→" on screen). Every
// line is cleaned for a terminal; a value written in lines shows its
// first, followed by " …" (Texts gives it whole).
func (e Entry) Lines(arrow string) []string {
	head := e.What
	if e.Kind == "answer" || e.Kind == "plan" {
		head += ": " + e.Target
		if e.RenamedTo != "" {
			head += " (renamed " + e.RenamedTo + ")"
		}
	}
	out := []string{safetext.OneLine(head)}
	for _, c := range e.Changes {
		out = append(out, safetext.OneLine(c.Field)+": "+c.text(arrow))
	}
	return out
}

// text is a change's old and new values on one line.
func (c Change) text(arrow string) string {
	now := "(none)"
	if c.HasNew {
		now = firstLine(labelOr(c.NewLabel, c.New))
	}
	if !c.HadOld {
		return now
	}
	return firstLine(labelOr(c.OldLabel, c.Old)) + " " + arrow + " " + now
}

// labelOr is a value's label, or the value when it has none.
func labelOr(label, value string) string {
	if label != "" {
		return label
	}
	return value
}

// Text is one value the entry's lines show only the first line of,
// with the label it goes under: "mfa note (new)".
type Text struct {
	Label string
	Lines []string // safetext.Lines: cleaned, "" between paragraphs
}

// Texts are the values of the entry written in lines, whole, for
// showing under the lines that cut them (as assay plan shows an action).
func (e Entry) Texts() []Text {
	var out []Text
	label := safetext.OneLine(strings.TrimSpace(e.Target + " " + e.Kind))
	if e.Kind == "answer" || e.Kind == "plan" {
		label = safetext.OneLine(e.Target)
	}
	add := func(which, s string) {
		if lines := safetext.Lines(s); len(lines) > 1 {
			out = append(out, Text{Label: label + " " + safetext.OneLine(which), Lines: lines})
		}
	}
	for _, c := range e.Changes {
		if c.HadOld {
			add(c.Field+" (before)", c.Old)
			add(c.Field+" (after)", c.New)
		} else {
			add(c.Field, c.New)
		}
	}
	return out
}

// firstLine is s on one line, cleaned: its first line and " …" when it
// has more.
func firstLine(s string) string {
	lines := safetext.Lines(s)
	switch len(lines) {
	case 0:
		return `""`
	case 1:
		return lines[0]
	}
	return lines[0] + " …"
}

// quote is s cleaned, in quotes.
func quote(s string) string { return `"` + safetext.OneLine(s) + `"` }

// joinIDs lists IDs, cleaned, on one line.
func joinIDs(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = safetext.OneLine(id)
	}
	return strings.Join(out, ", ")
}
