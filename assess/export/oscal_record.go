package export

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/assay-dev/assay/assess/ledger"
)

// recordProps pin the assessment's audit history in an OSCAL document's
// metadata, as the committee report's record line does: assay verify
// --against reads them back (PinFromOSCAL).
func recordProps(p *ledger.Pin) []any {
	if p == nil {
		return nil
	}
	props := []any{prop("record-assessment", p.Assessment), prop("record-audit-records", strconv.FormatInt(p.Records, 10)), prop("record-head", p.Head)}
	if p.Entry == 0 {
		return append(props, prop("record-ledger-entry", "none"))
	}
	return append(props, prop("record-ledger-entry", strconv.FormatInt(p.Entry, 10)), prop("record-ledger-entry-hash", p.EntryHash),
		prop("record-signer", text(p.Signer)), prop("record-signer-key", p.KeyID), prop("record-signature", p.Signature))
}

// OSCALRoots are the documents assay writes, by their root key.
var OSCALRoots = []string{"plan-of-action-and-milestones", "assessment-results"}

// PinFromOSCAL reads the record an assay OSCAL document (a POA&M or
// assessment results) named name pins. A document that could be read
// two ways is refused, naming the line and key or the prop: an object
// with a key twice or a key not in OSCAL's form (encoding/json keeps the
// last value and matches keys regardless of case), a record prop given
// twice, or both roots at once, so that the pin checked is the one a
// reader of the document sees.
func PinFromOSCAL(name string, b []byte) (ledger.Pin, error) {
	if err := checkText(name, b); err != nil {
		return ledger.Pin{}, err
	}
	if err := checkKeysAs(name, b, oscalKeys); err != nil {
		return ledger.Pin{}, err
	}
	pin, err := pinFromOSCAL(b)
	if err != nil {
		return pin, fmt.Errorf("%s: %w", name, err)
	}
	return pin, nil
}

// oscalKeys is the form of every key OSCAL's JSON defines.
var oscalKeys = keyRule{
	sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9-]{0,63}$`) }),
	"OSCAL defines (its keys are lower-case letters, digits and hyphens)",
}

func pinFromOSCAL(b []byte) (ledger.Pin, error) {
	var roots map[string]struct {
		Metadata struct {
			Props []struct{ Name, NS, Value string } `json:"props"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(b, &roots); err != nil {
		return ledger.Pin{}, fmt.Errorf("not an OSCAL document: %v", err)
	}
	if len(roots) > 1 {
		return ledger.Pin{}, fmt.Errorf("the document has %d roots (both %s and %s?): an OSCAL document is one of them", len(roots), OSCALRoots[0], OSCALRoots[1])
	}
	props := map[string]string{}
	for _, root := range OSCALRoots {
		for _, p := range roots[root].Metadata.Props {
			if p.NS != assayNS {
				continue
			}
			if _, twice := props[p.Name]; twice {
				return ledger.Pin{}, fmt.Errorf("%s.metadata.props: %s is given twice, so the record it pins could be read two ways", root, clip(p.Name))
			}
			props[p.Name] = p.Value
		}
	}
	pin := ledger.Pin{Assessment: props["record-assessment"], Head: props["record-head"], EntryHash: props["record-ledger-entry-hash"],
		Signer: props["record-signer"], KeyID: props["record-signer-key"], Signature: props["record-signature"]}
	var err error
	if pin.Records, err = strconv.ParseInt(props["record-audit-records"], 10, 64); err != nil || pin.Head == "" || pin.Assessment == "" {
		return ledger.Pin{}, fmt.Errorf("no record in its metadata (props record-audit-records and record-head): it was not made by an assay that pins the record")
	}
	if e := props["record-ledger-entry"]; e != "none" {
		if pin.Entry, err = strconv.ParseInt(e, 10, 64); err != nil {
			return ledger.Pin{}, fmt.Errorf("metadata prop record-ledger-entry: %q is not an entry number", clip(e))
		}
	}
	return pin, nil
}
