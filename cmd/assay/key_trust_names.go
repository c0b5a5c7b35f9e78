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
// import's provenance): a name drawn like one a key is already trusted
// under or like the user's own (assess.LooksLike). The same name as a
// trusted one, case aside, is that person's: a second key of theirs.
//
// A name that is not what it shows but looks like no name known (a
// character that shows as nothing, a word mixing scripts:
// assess.NameDoubt) is trusted with a warning, returned for the caller
// to print: assay verify asks for the name a key is registered under,
// which an older assay may have recorded with such a character, and
// refusing it would leave that key untrustable.
func checkTrustName(name string, ring *ledger.Keyring, me string) (warning string, err error) {
	quoted := `"` + safetext.OneLine(name) + `"`
	why := assess.NameDoubt(name)
	because := ""
	if why != "" {
		because = ": " + why
	}
	var trusted []string
	for _, t := range ring.Keys() {
		if !t.Own { // the own key's name is a label, not a person's
			trusted = append(trusted, t.Name)
		}
	}
	whose, like := "a name you trust a key under", assess.LooksLike(name, trusted...)
	if like == "" {
		whose, like = "your own name here", assess.LooksLike(name, me)
	}
	switch {
	case like != "" && assess.AlikeOnlyAsLetterPairs(name, like):
		// Amie beside Arnie: two names people have, every letter what it
		// shows. Refusing would leave a colleague's real name untrustable.
		return fmt.Sprintf("The name %s is drawn like %s, %s, in fonts that set rn as m or vv as w: "+
			"if they are two people, nothing is wrong; if not, remove its line from your trusted-keys file (assay key list names it) and ask the key's owner whose it is",
			quoted, safetext.OneLine(like), whose), nil
	case like != "":
		return "", fmt.Errorf("%s looks like %s, %s, and is not that name%s. "+
			"Trust the key under its owner's name as it reads (assay key list shows the names trusted); nothing was trusted",
			quoted, safetext.OneLine(like), whose, because)
	}
	if why != "" {
		return fmt.Sprintf("The name %s %s: wherever the key's name is shown it will not read as what it is; "+
			"unless it is the name the key is registered under, trust it again under its owner's name as it reads", quoted, strings.TrimPrefix(why, "it ")), nil
	}
	return "", nil
}
