package history

import (
	"fmt"
	"strconv"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
)

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
	// Unchecked: verify did not read the records (the protections
	// changed), so the trail is not said to be broken; Why says so.
	Unchecked bool
	// Untrusted: what stopped verify is a signature by a key not trusted
	// yet, not a change found: the trail is not vouched for, not broken.
	Untrusted bool
	// Signer is that key, and Entry the ledger entry it signed, when
	// Untrusted: the reader's own retired key is worded as theirs.
	Signer *ledger.Signer
	Entry  int64
}

// Failure is the line assay verify and assay history end with when the
// trail is not intact, one wording for both: broken, not verified (a
// key not trusted), or not checked at all (its words say so).
func (v Verdict) Failure() string {
	why := safetext.OneLine(v.Why)
	switch {
	case v.Unchecked:
		return why
	case v.Untrusted:
		return "not verified: " + why
	}
	return "audit trail broken: " + why
}

// Mark sets each entry's Verified: true for the records before the
// verdict's From, all of them when the trail is intact.
func (v Verdict) Mark(entries []Entry) {
	for i := range entries {
		entries[i].Verified = v.Intact || entries[i].Seq < v.From
	}
}

// Words says whether the trail verified and, if not, where it broke and
// which records are marked !: the first line of assay history, of the
// workspace's trail and of accessible mode's. id names the assessment
// (with archived, that it is archived); 0 when the screen's title names
// it already. verify's words are cleaned for one line.
func (v Verdict) Words(id int64, archived bool, total int) string {
	which, verify := "Audit trail", "assay verify"
	if id != 0 {
		which += " of assessment " + strconv.FormatInt(id, 10)
		if archived {
			which += " (archived)"
		}
		verify += " " + strconv.FormatInt(id, 10)
	}
	n := assess.Count(total, "record", "records")
	why := safetext.OneLine(v.Why)
	switch {
	case v.Intact:
		return fmt.Sprintf("%s verified (as %s checks it): %s.", which, verify, n)
	case v.From > 1:
		return fmt.Sprintf("%s BROKEN at record %d: %s. %s; the ones from %d on (marked !) are not vouched for.", which, v.From, why, n, v.From)
	}
	return fmt.Sprintf("%s NOT VERIFIED: %s. %s, none vouched for (all marked !).", which, why, n)
}
