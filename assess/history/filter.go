package history

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// Filter picks the entries a reviewer asks for; its zero value keeps
// every one. It picks from entries already read (Read), so that each
// entry's old values are still those of the whole trail.
type Filter struct {
	Question string      // only entries concerning this question ID
	Since    assess.Date // only entries recorded on or after this day (UTC), and those whose time does not read
	By       string      // only entries recorded by this actor (any case)
	// Text keeps only the entries whose number, time, author, question
	// IDs or words hold it, in any case, spaces around it trimmed: the
	// workspace's / and accessible mode's filter.
	Text string
}

// Keep reports whether e passes the filter.
func (f Filter) Keep(e Entry) bool {
	if f.Question != "" && !slices.Contains(e.Questions, f.Question) {
		return false
	}
	if !f.Since.IsZero() && e.dated() && e.When() < f.Since.String() {
		return false
	}
	if f.By != "" && !strings.EqualFold(safetext.OneLine(e.Actor), safetext.OneLine(f.By)) {
		return false
	}
	if needle := Needle(f.Text); needle != "" && !strings.Contains(e.Words(), needle) {
		return false
	}
	return true
}

// dated reports whether the record's time reads (When is then in UTC):
// Since keeps a record whose time does not, which nobody can say is
// older than the day asked about; dropping it hid a record written
// outside assay from the auditor asking what changed lately.
func (e Entry) dated() bool {
	_, err := time.Parse(time.RFC3339Nano, e.At)
	return err == nil
}

// Apply returns the entries that pass the filter, in order.
func (f Filter) Apply(entries []Entry) []Entry {
	var out []Entry
	for _, e := range entries {
		if f.Keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// Needle is what Filter.Text looks for: the text on one line, cleaned of
// escape sequences and controls as it is read back to the person, trimmed,
// in lower case. Words are cleaned the same way (Words), so that an
// escape typed or pasted into the words (accessible mode reads a line as
// typed) does not hide the records of the name read back.
func Needle(text string) string {
	return strings.ToLower(strings.TrimSpace(safetext.OneLine(text)))
}

// Words is what Filter.Text searches in an entry, in lower case: its
// number ("#4"), its time and author, the question IDs it concerns, its
// lines and the values they cut, whole. The workspace keeps each entry's
// Words, so that a letter typed into its filter searches, not reads.
func (e Entry) Words() string {
	var b strings.Builder
	b.WriteString("#" + strconv.FormatInt(e.Seq, 10) + " " + e.When() + " " + e.Who() + "\n")
	b.WriteString(strings.Join(e.Questions, " ") + "\n")
	b.WriteString(strings.Join(e.Lines("->"), "\n"))
	for _, t := range e.Texts() {
		b.WriteString("\n" + t.Label + "\n" + strings.Join(t.Lines, "\n"))
	}
	return strings.ToLower(b.String())
}
