package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess/ledger"
)

// recordLine pins the assessment's history as it was when the report was
// made: its audit chain's length and head, and the signed ledger entry
// that committed to them. assay verify --against reads it back
// (ParsePin) and checks that the database still holds that history.
func recordLine(p *ledger.Pin) string {
	line := fmt.Sprintf("**Record:** assessment %s, audit records 1 to %d ending in %s", Code(p.Assessment), p.Records, Code(p.Head))
	switch {
	case p.Entry == 0 && p.Stale != 0:
		return line + fmt.Sprintf("; not signed: it is not what ledger entry %d signed, so it was changed outside assay since (run %s).", p.Stale, Code("assay verify"))
	case p.Entry == 0:
		return line + "; not signed: the database had no signed ledger entry for it when this report was made."
	}
	return line + fmt.Sprintf(", signed in ledger entry %d %s by %s with key %s (signature %s). %s this report checks that the database still holds this record and only added to it.",
		p.Entry, Code(p.EntryHash), Inline(p.Signer), Code(p.KeyID), Code(p.Signature), Code("assay verify --against"))
}

var (
	recordRE = regexp.MustCompile("\\*\\*Record:\\*\\* assessment `([0-9a-f-]{36})`, audit records 1 to (\\d+) ending in `([0-9a-f]{64})`" +
		"(?:; not signed:|, signed in ledger entry (\\d+) `([0-9a-f]{64})` by (.+?) with key `(SHA256:[A-Za-z0-9+/]{43})` \\(signature `([A-Za-z0-9+/]{86}==)`\\))")
	spaceRE = regexp.MustCompile(`\s+`)
)

// ParsePin reads the record line of a committee report.
func ParsePin(markdown string) (ledger.Pin, error) {
	m := recordRE.FindStringSubmatch(spaceRE.ReplaceAllString(markdown, " "))
	if m == nil {
		return ledger.Pin{}, fmt.Errorf("no record line (**Record:** assessment …) in it: it is not an assay committee report, or it was made before reports pinned their record")
	}
	p := ledger.Pin{Assessment: m[1], Head: m[3], EntryHash: m[5], Signer: unescape(m[6]), KeyID: m[7], Signature: m[8]}
	p.Records, _ = strconv.ParseInt(m[2], 10, 64)
	if m[4] != "" {
		p.Entry, _ = strconv.ParseInt(m[4], 10, 64)
	}
	return p, nil
}

// unescape undoes Inline's backslash escapes, for showing a name again.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(b.String())
}
