package history

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
