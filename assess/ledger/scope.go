package ledger

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// SignedLeaf is a leaf with the entry that signed it.
type SignedLeaf struct {
	Leaf
	Entry  int64
	At     string
	Signer string // the name the signer's key was registered under
}

// Owner is what a store holds of one assessment or subject: its chain
// (already checked link by link) and its row's state now.
type Owner struct {
	Scope string
	ID    int64
	UUID  string
	Chain []Record
	State State
}

// CheckOwner checks an owner against every leaf the ledger holds for it,
// oldest first, with the states those leaves name (by hash): each signed
// head must still be on the chain, at the length it was signed at (so
// the chain was only ever appended to); the fields that never change must
// be the same in every signed state; and the latest leaf must be the chain
// and the state as they are now. It returns the reason for the first
// failure, "" when the owner is what the ledger signed.
func CheckOwner(o Owner, leaves []SignedLeaf, states map[string]State) string {
	if len(leaves) == 0 {
		return fmt.Sprintf("%s %s is not in the signed ledger: it was added outside assay", o.Scope, o.UUID)
	}
	var prev State
	var prevLeaf SignedLeaf
	for _, l := range leaves {
		by := fmt.Sprintf("ledger entry %d (%s, %s)", l.Entry, l.Signer, l.At)
		if l.Records > int64(len(o.Chain)) || (l.Records > 0 && o.Chain[l.Records-1].Hash != l.Head) || (l.Records == 0 && l.Head != "") {
			return fmt.Sprintf("its audit trail is not the one signed in %s: that entry signed record %d with hash %s, and the trail (%s) no longer holds it: records were rewritten, removed or rolled back",
				by, l.Records, short(l.Head), assess.Count(len(o.Chain), "record", "records"))
		}
		st, ok := states[l.State]
		if !ok || st.Hash() != l.State {
			return fmt.Sprintf("the state signed in %s is missing or altered (state %s)", by, short(l.State))
		}
		if prev != "" {
			d, differ, err := Diff(o.Scope, prev, st, Fixed[o.Scope]...)
			if err != nil {
				return fmt.Sprintf("the state signed in %s does not read: %v", by, err)
			}
			if differ {
				return fmt.Sprintf("field %s changed from %s (ledger entry %d) to %s (ledger entry %d), and it never changes: it was edited outside assay before entry %d was written",
					d.Field, d.Was, prevLeaf.Entry, d.Now, l.Entry, l.Entry)
			}
		}
		prev, prevLeaf = st, l
	}
	last := leaves[len(leaves)-1]
	if n := int64(len(o.Chain)); n != last.Records {
		return fmt.Sprintf("its audit trail has %s but the latest ledger entry for it, %d (%s, %s), signed %d: records were added outside assay",
			assess.Count(int(n), "record", "records"), last.Entry, last.Signer, last.At, last.Records)
	}
	d, differ, err := Diff(o.Scope, prev, o.State)
	if err != nil {
		return err.Error()
	}
	if differ {
		return fmt.Sprintf("field %s is %s but ledger entry %d (%s, %s) signed %s: it was changed outside assay",
			d.Field, d.Now, last.Entry, last.Signer, last.At, d.Was)
	}
	if prev != o.State {
		return fmt.Sprintf("its state is not the one ledger entry %d signed: it was changed outside assay", last.Entry)
	}
	return ""
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}
