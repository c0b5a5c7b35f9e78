package ledger

import (
	"encoding/json"
	"fmt"
)

// Claim is what an audit trail says one field of its owner's state is,
// and the record that last said so.
type Claim struct {
	Value string // JSON
	Seq   int64
}

// Trail is what an assessment's audit records say about it: the fields of
// its state the trail sets (Claims, by the state's field names), the last
// record of each answer and plan item, and the sign-off records in order.
// A field the trail never states (a creation record written before it
// recorded deadlines, say) has no claim: the signed ledger pins it.
type Trail struct {
	Claims   map[string]Claim
	Answers  map[string]Record
	Plan     map[string]Record
	SignOffs []Record
	// CreatedAt is the row's creation time as its creation record states
	// it; "" when the record, written before it stated that, does not.
	CreatedAt string
	// Copies is, for a revision, the number of its last record that
	// copies the assessment it revises (its creation record, then one
	// record per answer and plan edit copied); 0 for an original. Copied
	// is what the creation record says the copies kept (nil when it says
	// nothing): CheckStamp.
	Copies int64
	Copied *Copied
	// LastChange is the last record of a change that stamps the row's
	// time of last change (LastChangeKinds); Seq 0 when there is none.
	LastChange Record
}

// ReplayAssessment reads an assessment's audit records, oldest first.
//
// The creation record (create, or revise for a revision) states the
// UUID, subject, reviewer, questionnaire digest, date, deadlines,
// revision and revision link, and status, as far as it records them (a
// revision's reviewer is the person who made it), and that the assessment
// is not archived; subject records rename
// it; archive records archive or restore it; status records move it; an
// import record states what the importing database linked it to.
func ReplayAssessment(records []Record) (*Trail, error) {
	t := &Trail{Claims: map[string]Claim{}, Answers: map[string]Record{}, Plan: map[string]Record{}}
	claim := func(r Record, field string, v json.RawMessage) {
		t.Claims[field] = Claim{Value: normalJSON(v), Seq: r.Seq}
	}
	fields := func(r Record) (map[string]json.RawMessage, error) {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.New), &m); err != nil {
			return nil, fmt.Errorf("audit record %d (%s) does not read: %v", r.Seq, r.Kind, err)
		}
		return m, nil
	}
	for _, r := range records {
		if t.stampsLastChange(r) {
			t.LastChange = r
		}
		switch r.Kind {
		case "answer":
			t.Answers[r.Target] = r
		case "plan":
			t.Plan[r.Target] = r
		case "signoff":
			t.SignOffs = append(t.SignOffs, r)
		case "status", "archive":
			field := map[string]string{"status": "status", "archive": "archived"}[r.Kind]
			if !json.Valid([]byte(r.New)) {
				return nil, fmt.Errorf("audit record %d (%s) does not read", r.Seq, r.Kind)
			}
			claim(r, field, json.RawMessage(r.New))
		case "create", "revise":
			m, err := fields(r)
			if err != nil {
				return nil, err
			}
			for key, field := range map[string]string{"uuid": "uuid", "subject": "subject", "subject_kind": "subject_kind",
				"subject_uuid": "subject_uuid", "reviewer": "reviewer", "digest": "snapshot_digest", "assessed_on": "assessed_on",
				"deadlines": "deadlines", "status": "status", "revision": "revision", "revision_of_uuid": "revision_of"} {
				if v, ok := m[key]; ok {
					claim(r, field, v)
				}
			}
			claim(r, "archived", json.RawMessage("false")) // nothing starts archived
			t.creationStamps(r, m)
			if r.Kind == "revise" {
				if _, ok := m["reviewer"]; !ok {
					b, _ := json.Marshal(r.Actor)
					claim(r, "reviewer", b)
				}
			} else if _, ok := m["revision"]; !ok {
				claim(r, "revision", json.RawMessage("1"))
				claim(r, "revision_of", json.RawMessage(`""`))
			}
		case "subject":
			m, err := fields(r)
			if err != nil {
				return nil, err
			}
			claim(r, "subject", m["name"])
			claim(r, "subject_kind", m["kind"])
		case "import":
			m, err := fields(r)
			if err != nil {
				return nil, err
			}
			for key, field := range map[string]string{"subject": "subject", "subject_kind": "subject_kind", "subject_uuid": "subject_uuid", "revision_of_uuid": "revision_of"} {
				if v, ok := m[key]; ok {
					claim(r, field, v)
				}
			}
		}
	}
	return t, nil
}

// ReplaySubject reads a subject's audit records: its creation record
// states every field, and each edit record one.
func ReplaySubject(records []Record) (map[string]Claim, error) {
	claims := map[string]Claim{}
	for _, r := range records {
		switch r.Kind {
		case "create":
			var m map[string]json.RawMessage
			if err := json.Unmarshal([]byte(r.New), &m); err != nil {
				return nil, fmt.Errorf("audit record %d (create) does not read: %v", r.Seq, err)
			}
			for _, f := range []string{"uuid", "name", "kind", "owner", "contacts", "tier", "notes"} {
				if v, ok := m[f]; ok {
					claims[f] = Claim{Value: normalJSON(v), Seq: r.Seq}
				}
			}
		case "edit":
			if !json.Valid([]byte(r.New)) {
				return nil, fmt.Errorf("audit record %d (edit) does not read", r.Seq)
			}
			claims[r.Target] = Claim{Value: normalJSON(json.RawMessage(r.New)), Seq: r.Seq}
		}
	}
	return claims, nil
}

// ClaimBreak is a field of a state that its trail contradicts.
type ClaimBreak struct {
	Field      string
	Seq        int64
	Trail, Now string // JSON
}

// CheckClaims compares a state with what its trail claims, field by
// field in the state's order, and returns the first field that differs.
func CheckClaims(scope string, claims map[string]Claim, s State) (*ClaimBreak, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, err
	}
	for _, f := range fieldOrder[scope] {
		c, ok := claims[f]
		if !ok {
			continue
		}
		if now := normalJSON(m[f]); now != c.Value {
			return &ClaimBreak{Field: f, Seq: c.Seq, Trail: c.Value, Now: now}, nil
		}
	}
	return nil, nil
}

// normalJSON re-encodes a JSON value, so that two encodings of the same
// value (spacing, escapes, key order) compare equal.
func normalJSON(v json.RawMessage) string {
	var x any
	if json.Unmarshal(v, &x) != nil {
		return string(v)
	}
	b, _ := json.Marshal(x)
	return string(b)
}
