package ledger

import (
	"encoding/json"
	"time"
)

// SendingKind is the kind of the audit record of a sending: a file that
// assay send wrote for the vendor to fill in. Its new value is
// {"sent": TIME}, the time the file's sent line gives.
const SendingKind = "send"

// Sendings are the times of the sendings a trail records, in its order;
// a record that does not read is left out (verify reports it).
func Sendings(trail []Record) []time.Time {
	var out []time.Time
	for _, r := range trail {
		if r.Kind != SendingKind {
			continue
		}
		var rec struct {
			Sent time.Time `json:"sent"`
		}
		if json.Unmarshal([]byte(r.New), &rec) == nil && !rec.Sent.IsZero() {
			out = append(out, rec.Sent)
		}
	}
	return out
}
