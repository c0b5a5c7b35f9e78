package ledger

import (
	"encoding/json"
	"fmt"
	"strings"
)

// GrantsSeen is the record of a team database's grants as a signed
// ledger entry saw it: how many signed records it held, and the hash of
// the last (GrantPrefixDigest of the records before signing, when none
// was signed yet). The chain of grants alone shows a record removed
// from between two others, not the newest cut off: a revocation deleted
// and the role granted again in psql left a chain intact up to the cut.
// The entries that carry this (assay team grant's and revoke's, a key's
// registration, a verify checkpoint) are chained and signed in the
// ledger, where the entries after them hold them in place, so verify
// names a chain of grants shorter than, or other than, one they saw.
type GrantsSeen struct {
	Grants     int64  `json:"grants"`
	GrantsHead string `json:"grants_head"`
}

// GrantsSeenOf is the record of grants as it stands (records as read,
// in order; CheckGrants has found them intact).
func GrantsSeenOf(records []GrantRecord) GrantsSeen {
	var unsigned []GrantRecord
	for _, g := range records {
		if !g.Signed() {
			unsigned = append(unsigned, g)
		}
	}
	if last := len(records) - 1; last >= 0 && records[last].Signed() {
		return GrantsSeen{Grants: records[last].Seq, GrantsHead: records[last].Hash}
	}
	return GrantsSeen{GrantsHead: GrantPrefixDigest(unsigned)}
}

// Against says what is wrong with records (intact as a chain, by
// CheckGrants) against what an entry saw; "" when they hold it.
func (s GrantsSeen) Against(records []GrantRecord) string {
	var unsigned []GrantRecord
	var signed []GrantRecord
	for _, g := range records {
		if g.Signed() {
			signed = append(signed, g)
		} else {
			unsigned = append(unsigned, g)
		}
	}
	if s.Grants < 0 {
		return fmt.Sprintf("names %d grant records", s.Grants)
	}
	if s.Grants > int64(len(signed)) {
		return fmt.Sprintf("saw %d signed grant records, and the record now holds %d: the newest were removed", s.Grants, len(signed))
	}
	head := GrantPrefixDigest(unsigned)
	if s.Grants > 0 {
		head = signed[s.Grants-1].Hash
	}
	if head != s.GrantsHead {
		if s.Grants == 0 {
			return "saw other records written before grants were signed than those there now"
		}
		return fmt.Sprintf("saw another grant record %d than the one there now: the record was cut back and written again", s.Grants)
	}
	return ""
}

// GrantsSeenOf reads what an entry's note says it saw of the record of
// grants, if it says anything.
func (e *Entry) GrantsSeenOf() (GrantsSeen, bool) {
	if !strings.Contains(e.Note, `"grants_head"`) {
		return GrantsSeen{}, false
	}
	var n struct {
		Grants     *int64  `json:"grants"`
		GrantsHead *string `json:"grants_head"`
	}
	if json.Unmarshal([]byte(e.Note), &n) != nil || n.Grants == nil || n.GrantsHead == nil {
		return GrantsSeen{}, false
	}
	return GrantsSeen{Grants: *n.Grants, GrantsHead: *n.GrantsHead}, true
}
