package ledger

import (
	"encoding/json"
	"slices"

	"github.com/assay-dev/assay/assess"
)

// What a store holds is checked against the trail record that last set
// it: these compare one stored item with one record, the same way for a
// database's rows (store's verify) and a file's fields (export.Prove).

// AnswerRecord is what the audit trail keeps of an answer. Its JSON is
// what a map of these keys gave before (keys in sorted order), so records
// written since read and hash the same; a struct is encoded without
// sorting keys, on every save.
type AnswerRecord struct {
	Evidence []string      `json:"evidence"`
	Note     string        `json:"note"`
	Reviewed bool          `json:"reviewed"`
	Source   assess.Source `json:"source"`
	Value    assess.Value  `json:"value"`
}

// AnswerRecordOf is an answer's record.
func AnswerRecordOf(a assess.Answer) AnswerRecord {
	return AnswerRecord{Evidence: a.Evidence, Note: a.Note, Reviewed: a.Reviewed, Source: a.Source, Value: a.Value}
}

// replacedAnswer is the answer to question a record's Old value holds,
// false when it holds none (the question was unanswered) or does not
// decode.
func replacedAnswer(question, old string) (assess.Answer, bool) {
	var was AnswerRecord
	if old == "" || json.Unmarshal([]byte(old), &was) != nil {
		return assess.Answer{}, false
	}
	return assess.Answer{QuestionID: question, Value: was.Value, Note: was.Note, Evidence: was.Evidence,
		Source: was.Source, Reviewed: was.Reviewed}, true
}

// SameAnswer reports whether an answer is the one an answer record holds:
// value, note, evidence (none and an empty list alike), source, review.
func SameAnswer(a assess.Answer, recorded string) bool {
	// Most records are byte for byte the answer's record as assay writes
	// it; encoding one is cheaper than decoding it (verify compares a
	// million on a large portfolio).
	if b, err := json.Marshal(AnswerRecordOf(a)); err == nil && string(b) == recorded {
		return true
	}
	var rec AnswerRecord
	if json.Unmarshal([]byte(recorded), &rec) != nil {
		return false
	}
	got, _ := json.Marshal(a.Value)
	want, _ := json.Marshal(rec.Value)
	return string(got) == string(want) && a.Note == rec.Note && slices.Equal(nonNil(a.Evidence), nonNil(rec.Evidence)) &&
		a.Source == rec.Source && a.Reviewed == rec.Reviewed
}

// SamePlanEdit reports whether a plan edit is the one a plan record holds.
func SamePlanEdit(e assess.PlanEdit, recorded string) bool {
	var rec assess.PlanEdit
	if json.Unmarshal([]byte(recorded), &rec) != nil {
		return false
	}
	return e.Key == rec.Key && e.SameAs(rec)
}

// SameSignOff reports whether a signature is the one a sign-off record
// holds: role, name, decision, comment, date, the record it signed and
// when it was made.
func SameSignOff(s assess.SignOff, recorded string) bool {
	var rec assess.SignOff
	return json.Unmarshal([]byte(recorded), &rec) == nil && rec.Role == s.Role && rec.Name == s.Name && rec.Decision == s.Decision &&
		rec.Comment == s.Comment && rec.On == s.On && rec.Seq == s.Seq && rec.At.Equal(s.At)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
