package history

import (
	"encoding/json"
	"strconv"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// created is what a creation record (create or revise) states.
type created struct {
	Subject       string `json:"subject"`
	Questionnaire string `json:"questionnaire"`
	Reviewer      string `json:"reviewer"`
	AssessedOn    string `json:"assessed_on"`
	Status        string `json:"status"`
	Revision      int    `json:"revision"`
	RevisionOf    int64  `json:"revision_of"`
	Answers       int64  `json:"answers_copied"`
	PlanEdits     int64  `json:"plan_edits_copied"`
}

// create describes an assessment's creation record.
func (r *replay) create(rec ledger.Record, e *Entry) {
	var c created
	if !decode(rec.New, &c) {
		unreadable(rec, e)
		return
	}
	e.What = "assessment created"
	r.started(c)
	e.Changes = createdChanges(c)
}

// revise describes a revision's creation record: the records after it,
// up to the number it copied, are the revised assessment's answers and
// plan edits copied.
func (r *replay) revise(rec ledger.Record, e *Entry) {
	var c created
	if !decode(rec.New, &c) {
		unreadable(rec, e)
		return
	}
	e.What = "revision " + itoa(c.Revision) + " started from assessment " + strconv.FormatInt(c.RevisionOf, 10)
	r.started(c)
	r.copies = rec.Seq + c.Answers + c.PlanEdits
	e.Changes = createdChanges(c)
	e.Changes = append(e.Changes,
		Change{Field: "answers copied", New: strconv.FormatInt(c.Answers, 10), HasNew: true},
		Change{Field: "plan edits copied", New: strconv.FormatInt(c.PlanEdits, 10), HasNew: true})
}

func (r *replay) started(c created) {
	r.subject = c.Subject
	if c.Status != "" {
		r.status, r.hasStat = c.Status, true
	}
}

// createdChanges are the fields a creation record sets.
func createdChanges(c created) []Change {
	var out []Change
	for _, f := range [][2]string{{"subject", c.Subject}, {"questionnaire", c.Questionnaire}, {"reviewer", c.Reviewer},
		{"assessed on", c.AssessedOn}, {"status", c.Status}} {
		if f[1] != "" {
			out = append(out, Change{Field: f[0], New: f[1], HasNew: true})
		}
	}
	return out
}

// statusChange describes a move of the assessment's status: from the
// status the trail held (the creation record's, or the last move's).
func (r *replay) statusChange(rec ledger.Record, e *Entry) {
	var now string
	if !decode(rec.New, &now) {
		unreadable(rec, e)
		return
	}
	old, had := r.status, r.hasStat
	if !had {
		// A trail that never stated the status (an import of an export
		// made before creation records did): the record's own old value
		// is all there is.
		had = decode(rec.Old, &old)
	}
	r.status, r.hasStat = now, true
	e.What = "status changed"
	e.Changes = []Change{{Field: "status", Old: old, New: now, HadOld: had, HasNew: true}}
}

// signOff describes a signature (its decision is in What): a submission, an approval or
// rejection, a withdrawal, a DPO's opinion.
func signOff(rec ledger.Record, e *Entry) {
	var s assess.SignOff
	if !decode(rec.New, &s) {
		unreadable(rec, e)
		return
	}
	e.What = "sign-off as " + rec.Target + ": " + s.Decision
	e.Changes = []Change{
		{Field: "signed by", New: s.Name, HasNew: s.Name != ""},
		{Field: "dated", New: dateText(s.On), HasNew: !s.On.IsZero()},
	}
	if s.Comment != "" {
		e.Changes = append(e.Changes, Change{Field: "comment", New: s.Comment, HasNew: true})
	}
}

// accepted describes the acceptance of vendor answers nobody confirmed,
// at a sign-off that needed it.
func accepted(rec ledger.Record, e *Entry) {
	var a struct {
		Action    string   `json:"action"`
		Count     int      `json:"count"`
		Questions []string `json:"questions"`
	}
	if !decode(rec.New, &a) {
		unreadable(rec, e)
		return
	}
	e.What = "unconfirmed vendor answers accepted to " + a.Action
	e.Questions = a.Questions
	e.Changes = []Change{{Field: "questions", New: joinIDs(a.Questions), HasNew: true}}
}

// archived describes an archive record: archived or restored.
func archived(rec ledger.Record, e *Entry) {
	var now bool
	if !decode(rec.New, &now) {
		unreadable(rec, e)
		return
	}
	e.What = "restored from the archive"
	if now {
		e.What = "archived"
	}
}

// renamed describes a subject record: the subject renamed (or its kind
// changed), from the name the trail held.
func (r *replay) renamed(rec ledger.Record, e *Entry) {
	var now struct{ Name, Kind string }
	if !decode(rec.New, &now) {
		unreadable(rec, e)
		return
	}
	var was struct{ Name, Kind string }
	decode(rec.Old, &was)
	e.What = "subject renamed"
	old := r.subject
	if old == "" {
		old = was.Name
	}
	r.subject = now.Name
	if old != now.Name {
		e.Changes = append(e.Changes, Change{Field: "subject", Old: old, New: now.Name, HadOld: old != "", HasNew: true})
	}
	if was.Kind != now.Kind {
		e.Changes = append(e.Changes, Change{Field: "subject kind", Old: was.Kind, New: now.Kind, HadOld: was.Kind != "", HasNew: true})
	}
}

// imported describes an import record: the export the assessment came
// from, by whom and when, and who signed it.
func (r *replay) imported(rec ledger.Record, e *Entry) {
	var m map[string]json.RawMessage
	if !decode(rec.New, &m) {
		unreadable(rec, e)
		return
	}
	// The importing database may link it to a subject of its own name.
	var subject string
	if json.Unmarshal(m["subject"], &subject) == nil && subject != "" {
		r.subject = subject
	}
	e.What = "imported from an export file"
	for _, f := range [][2]string{{"exported_by", "exported by"}, {"exported_at", "exported at"}, {"signed_by", "export signed by"},
		{"signed_key", "signing key"}, {"file_digest", "file SHA-256"}} {
		var v string
		if json.Unmarshal(m[f[0]], &v) == nil && v != "" {
			e.Changes = append(e.Changes, Change{Field: f[1], New: v, HasNew: true})
		}
	}
}

// sent describes a sending: the vendor questionnaire file written out.
func sent(rec ledger.Record, e *Entry) {
	var s struct {
		Sent string `json:"sent"`
	}
	if !decode(rec.New, &s) {
		unreadable(rec, e)
		return
	}
	e.What = "questionnaire file sent to the vendor"
	e.Changes = []Change{{Field: "sent at", New: s.Sent, HasNew: s.Sent != ""}}
}

func itoa(n int) string { return strconv.Itoa(n) }
