package history

import (
	"encoding/json"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// Entry is one audit record as people read it.
type Entry struct {
	Seq   int64  `json:"seq"`
	At    string `json:"at"`    // as recorded: RFC 3339, UTC
	Actor string `json:"actor"` // as recorded; in team mode the login
	Kind  string `json:"kind"`  // the record's kind, as recorded
	// Target is what the record is about: a question ID (answer), a plan
	// item's key (plan), a sign-off's role, "assessment".
	Target string `json:"target"`
	// What says what happened in a few words: "answer changed",
	// "sign-off", "unknown record kind".
	What    string   `json:"what"`
	Changes []Change `json:"changes,omitempty"`
	// Questions are the question IDs the record concerns (the --question
	// filter): the answered question, a plan item's question, the
	// questions an acceptance of unconfirmed vendor answers names.
	Questions []string `json:"questions,omitempty"`
	// RenamedTo is the question that now asks what the record's question
	// asked, when the questionnaire renamed it (Question.Replaces): its
	// ID is in Questions too, so that asking about it finds the record.
	RenamedTo string `json:"renamed_to,omitempty"`
	// Verified is true when the trail verified up to and including this
	// record (Verdict.Mark).
	Verified bool `json:"verified"`
}

// Change is one field a record set, changed or removed. Old is what the
// trail held before the record ("" with HadOld false when it held
// nothing); New what the record holds ("" with HasNew false when the
// record removed the field).
//
// OldLabel and NewLabel are an answer's Old and New as the analyst chose
// them, by the options' labels ("Partly" for "partial"), when the
// questionnaire is known: what the lines show. A value that is no option
// of the questionnaire's version (retired, renamed, written elsewhere)
// is labelled with itself, saying so.
type Change struct {
	Field    string `json:"field"`
	Old      string `json:"old,omitempty"`
	New      string `json:"new,omitempty"`
	OldLabel string `json:"old_label,omitempty"`
	NewLabel string `json:"new_label,omitempty"`
	HadOld   bool   `json:"had_old"`
	HasNew   bool   `json:"has_new"`
}

// Read turns an assessment's audit records, oldest first, into entries,
// one a record, in the same order. q is the assessment's questionnaire
// (its version, as the assessment pinned it): answers read as the labels
// of the options chosen. Nil: as their values.
func Read(records []ledger.Record, q *assess.Questionnaire) []Entry {
	r := &replay{answers: map[string]answerState{}, plan: map[string]planState{}, questionnaire: q}
	out := make([]Entry, 0, len(records))
	for _, rec := range records {
		e := Entry{Seq: rec.Seq, At: rec.At, Actor: rec.Actor, Kind: rec.Kind, Target: rec.Target}
		r.describe(rec, &e)
		out = append(out, e)
	}
	return out
}

// replay is what the trail holds so far: the state each record's old
// values are read from.
type replay struct {
	answers map[string]answerState
	plan    map[string]planState
	// questionnaire gives answers' labels; nil when there is none.
	questionnaire *assess.Questionnaire
	status        string
	hasStat       bool
	subject       string
	// copies is how many records from the start copy the assessment a
	// revision revises (its revise record, then its answers and plan
	// edits): they are copies, not changes made here.
	copies int64
}

// describe fills e from rec and moves the replay on past it.
func (r *replay) describe(rec ledger.Record, e *Entry) {
	switch rec.Kind {
	case "create":
		r.create(rec, e)
	case "revise":
		r.revise(rec, e)
	case "answer":
		r.answer(rec, e)
	case "plan":
		r.planEdit(rec, e)
	case "status":
		r.statusChange(rec, e)
	case "signoff":
		signOff(rec, e)
	case "accept":
		accepted(rec, e)
	case "archive":
		archived(rec, e)
	case "subject":
		r.renamed(rec, e)
	case "import":
		r.imported(rec, e)
	case explainKind:
		explained(rec, e)
	case ledger.SendingKind:
		sent(rec, e)
	default:
		unknown(rec, e)
	}
}

// unreadable describes a record of a known kind whose value does not
// decode: it is shown, with its value as recorded, never dropped.
func unreadable(rec ledger.Record, e *Entry) {
	e.What = rec.Kind + " record that does not read"
	e.Changes = []Change{{Field: "recorded value", New: rec.New, HasNew: rec.New != ""}}
}

// unknown describes a record of a kind this assay does not know (a newer
// assay's, or one written outside assay): its kind, target and values as
// recorded.
func unknown(rec ledger.Record, e *Entry) {
	e.What = "unknown record kind " + quote(rec.Kind)
	if rec.Old != "" {
		e.Changes = append(e.Changes, Change{Field: "recorded old value", New: rec.Old, HasNew: true})
	}
	if rec.New != "" {
		e.Changes = append(e.Changes, Change{Field: "recorded new value", New: rec.New, HasNew: true})
	}
}

// decode reads a record's value into v, false when it does not read.
func decode(s string, v any) bool {
	return s != "" && json.Unmarshal([]byte(s), v) == nil
}
