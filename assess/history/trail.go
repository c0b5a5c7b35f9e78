package history

import "fmt"

// Trail is an assessment's trail as it was read and picked: what assay
// history prints or writes with -o, and what the workspace's trail
// exports, so that both write the same file from the same records.
type Trail struct {
	Assessment int64
	Archived   bool
	// Revision and RevisionOf say which revision the assessment is, and
	// of which assessment (0: it is no revision): its trail starts from
	// the copy.
	Revision   int
	RevisionOf int64
	Verdict    Verdict
	Entries    []Entry // the whole trail, read (Read) and marked (Verdict.Mark)
	Filter     Filter  // what picks the entries shown
}

// Shown are the entries the filter keeps, in order.
func (t Trail) Shown() []Entry { return t.Filter.Apply(t.Entries) }

// Head is what is said before the records, a line each: whether the
// trail verified (naming the assessment, and that it is archived), then,
// for a revision, which assessment it revises, whose own trail shows how
// it came to be. assay history prints it; the workspace's trail shows it.
func (t Trail) Head() []string {
	out := []string{t.Verdict.Words(t.Assessment, t.Archived, len(t.Entries))}
	if t.RevisionOf != 0 {
		out = append(out, fmt.Sprintf("Assessment %d is revision %d of assessment %d: assay history %d shows how that one came to be; the records here start from the copy.",
			t.Assessment, t.Revision, t.RevisionOf, t.RevisionOf))
	}
	return out
}
