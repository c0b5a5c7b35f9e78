package main

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
)

// checkTrustName refuses a name for assay key trust that would read as
// someone else wherever the key's name is shown (verify's signers, an
// import's provenance): a character that shows as nothing, a name drawn
// like one a key is already trusted under or like the user's own
// (assess.LooksLike), or a word mixing scripts (assess.NameDoubt). The
// same name as a trusted one, case aside, is that person's: a second key
// of theirs.
func checkTrustName(name string, ring *ledger.Keyring, me string) error {
	if _, err := assess.CleanName("the name", name); err != nil {
		return fmt.Errorf("%w; nothing was trusted", err)
	}
	quoted := `"` + safetext.OneLine(name) + `"`
	why := assess.NameDoubt(name)
	if why != "" {
		why = ": " + why
	}
	var trusted []string
	for _, t := range ring.Keys() {
		if !t.Own { // the own key's name is a label, not a person's
			trusted = append(trusted, t.Name)
		}
	}
	if like := assess.LooksLike(name, trusted...); like != "" {
		return fmt.Errorf("%s looks like %s, a name you trust a key under, and is not that name%s. "+
			"Trust the key under its owner's name as it reads (assay key list shows the names trusted); nothing was trusted",
			quoted, safetext.OneLine(like), why)
	}
	if like := assess.LooksLike(name, me); like != "" {
		return fmt.Errorf("%s looks like %s, your own name here, and is not that name%s. "+
			"Trust the key under its owner's name as it reads; nothing was trusted", quoted, safetext.OneLine(like), why)
	}
	if why != "" {
		return fmt.Errorf("%s %s: a key's name is shown wherever what it signed is, and should read as what it is. "+
			"Trust the key under its owner's name as it reads; nothing was trusted", quoted, strings.TrimPrefix(why, ": it "))
	}
	return nil
}
