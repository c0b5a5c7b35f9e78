package history

// Verdict is what verifying the assessment said of its trail.
type Verdict struct {
	// Intact: every record, and everything verify checks with them,
	// verified.
	Intact bool
	// From is the first record not vouched for when not Intact: the
	// record at fault, or 1 when what failed is not one record (a ledger
	// entry, a signature by a key not trusted, the schema), so that no
	// record is shown as verified.
	From int64
	// Why is verify's own words for what is wrong ("" when Intact).
	Why string
}

// Mark sets each entry's Verified: true for the records before the
// verdict's From, all of them when the trail is intact.
func (v Verdict) Mark(entries []Entry) {
	for i := range entries {
		entries[i].Verified = v.Intact || entries[i].Seq < v.From
	}
}
