package export

import (
	"encoding/json"
	"fmt"
	"strconv"

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
// assessment results) pins.
func PinFromOSCAL(b []byte) (ledger.Pin, error) {
	var roots map[string]struct {
		Metadata struct {
			Props []struct{ Name, NS, Value string } `json:"props"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(b, &roots); err != nil {
		return ledger.Pin{}, fmt.Errorf("not an OSCAL document: %v", err)
	}
	props := map[string]string{}
	for _, root := range OSCALRoots {
		for _, p := range roots[root].Metadata.Props {
			if p.NS == assayNS {
				props[p.Name] = p.Value
			}
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
