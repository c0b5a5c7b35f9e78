package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
)

// AssessmentState is what an assessment's row holds besides its audit
// chain and the caches recomputed from it: what decides its verdict and
// its dates, and where it stands. Assessments and the assessment they
// revise are named by UUID, which every database shares.
type AssessmentState struct {
	UUID        string         `json:"uuid"`
	SubjectUUID string         `json:"subject_uuid"`
	Subject     string         `json:"subject"`
	SubjectKind string         `json:"subject_kind"`
	Reviewer    string         `json:"reviewer"`
	Digest      string         `json:"snapshot_digest"`
	AssessedOn  string         `json:"assessed_on"`
	Deadlines   map[string]int `json:"deadlines"`
	Status      string         `json:"status"`
	Archived    bool           `json:"archived"`
	Revision    int            `json:"revision"`
	RevisionOf  string         `json:"revision_of"`
}

// SubjectState is a subject's record.
type SubjectState struct {
	UUID     string   `json:"uuid"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Owner    string   `json:"owner"`
	Contacts []string `json:"contacts"`
	Tier     string   `json:"tier"`
	Notes    string   `json:"notes"`
}

// State is the canonical JSON of an owner's state: fields in a fixed
// order, map keys sorted, no white space. Its hash is a leaf's State.
type State string

// AssessmentStateOf encodes an assessment's state.
func AssessmentStateOf(s AssessmentState) State {
	if s.Deadlines == nil {
		s.Deadlines = map[string]int{}
	}
	b, _ := json.Marshal(s)
	return State(b)
}

// SubjectStateOf encodes a subject's state.
func SubjectStateOf(s SubjectState) State {
	if s.Contacts == nil {
		s.Contacts = []string{}
	}
	b, _ := json.Marshal(s)
	return State(b)
}

// Hash is the state's hash, as a leaf holds it.
func (s State) Hash() string {
	h := sha256.New()
	h.Write([]byte("assay state v1\n"))
	h.Write([]byte(s))
	return hex.EncodeToString(h.Sum(nil))
}

// fieldOrder lists each scope's fields as its state encodes them.
var fieldOrder = map[string][]string{
	ScopeAssessment: {"uuid", "subject_uuid", "subject", "subject_kind", "reviewer", "snapshot_digest", "assessed_on",
		"deadlines", "status", "archived", "revision", "revision_of"},
	ScopeSubject: {"uuid", "name", "kind", "owner", "contacts", "tier", "notes"},
}

// Fixed are the fields that never change once an owner exists: an
// assessment's questionnaire, date, deadlines, reviewer, subject record,
// revision and the assessment it revises; a subject's UUID. A change of
// one of them between two signed states can only come from outside assay.
var Fixed = map[string][]string{
	ScopeAssessment: {"uuid", "subject_uuid", "reviewer", "snapshot_digest", "assessed_on", "deadlines", "revision", "revision_of"},
	ScopeSubject:    {"uuid"},
}

// FieldDiff is one field that differs between two states.
type FieldDiff struct {
	Field    string
	Was, Now string // the field's JSON in each
}

// Diff returns the first field, in the scope's order, whose value
// differs between two states (a and b), restricted to fields when given.
func Diff(scope string, a, b State, fields ...string) (FieldDiff, bool, error) {
	var ma, mb map[string]json.RawMessage
	if err := json.Unmarshal([]byte(a), &ma); err != nil {
		return FieldDiff{}, false, fmt.Errorf("state does not read: %v", err)
	}
	if err := json.Unmarshal([]byte(b), &mb); err != nil {
		return FieldDiff{}, false, fmt.Errorf("state does not read: %v", err)
	}
	for _, f := range fieldOrder[scope] {
		if len(fields) > 0 && !slices.Contains(fields, f) {
			continue
		}
		if string(ma[f]) != string(mb[f]) {
			return FieldDiff{Field: f, Was: string(ma[f]), Now: string(mb[f])}, true, nil
		}
	}
	return FieldDiff{}, false, nil
}
