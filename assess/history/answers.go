package history

import (
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// answerState is an answer as the trail holds it after a record.
type answerState = ledger.AnswerRecord

// answer describes an answer record: the answer's value, note, evidence,
// source and confirmation, each against what the trail held before.
func (r *replay) answer(rec ledger.Record, e *Entry) {
	var now answerState
	if !decode(rec.New, &now) {
		unreadable(rec, e)
		return
	}
	r.concerns(rec.Target, e)
	was, had := r.answers[rec.Target]
	r.answers[rec.Target] = now
	switch {
	case rec.Seq <= r.copies:
		e.What = "answer copied from the revised assessment"
	case !had:
		e.What = "answer set"
	case now.Value.IsEmpty():
		e.What = "answer cleared"
	default:
		e.What = "answer changed"
	}
	e.Changes = answerChanges(was, had, now)
	r.label(rec.Target, was, now, e.Changes)
	if len(e.Changes) == 0 {
		// Saved as it was (a second save of the same answer): say so
		// rather than show an entry with nothing in it.
		e.What += " (nothing different)"
	}
}

// answerChanges are the fields of an answer that differ from before.
func answerChanges(was answerState, had bool, now answerState) []Change {
	var out []Change
	add := func(field, old, new string) {
		if old != new {
			out = append(out, Change{Field: field, Old: old, New: new, HadOld: old != "", HasNew: new != ""})
		}
	}
	add("answer", valueText(was.Value), valueText(now.Value))
	add("note", was.Note, now.Note)
	add("evidence", strings.Join(was.Evidence, "; "), strings.Join(now.Evidence, "; "))
	if had {
		add("source", string(was.Source), string(now.Source))
		if was.Reviewed != now.Reviewed {
			add("confirmed", yesNo(was.Reviewed), yesNo(now.Reviewed))
		}
	} else if now.Source == assess.ByVendor {
		add("source", "", string(now.Source))
	}
	return out
}

// valueText is an answer's value in words: the options chosen, the
// number, the date, the text, the risk's ratings.
func valueText(v assess.Value) string {
	var parts []string
	if len(v.Choices) > 0 {
		parts = append(parts, strings.Join(v.Choices, ", "))
	}
	if v.Number != nil {
		parts = append(parts, v.Number.String())
	}
	if !v.Date.IsZero() {
		parts = append(parts, v.Date.String())
	}
	if v.Text != "" {
		parts = append(parts, v.Text)
	}
	if v.Risk != nil && v.Risk.InitialRated() {
		parts = append(parts, riskText(v.Risk))
	}
	return strings.Join(parts, "; ")
}

// riskText is a risk rating in words.
func riskText(r *assess.RiskRating) string {
	s := "likelihood " + itoa(r.Likelihood) + ", impact " + itoa(r.Impact)
	if r.AfterRated() {
		s += "; after measures likelihood " + itoa(r.AfterLikelihood) + ", impact " + itoa(r.AfterImpact)
	}
	if r.Measures != "" {
		s += "; measures: " + r.Measures
	}
	if len(r.PlanItems) > 0 {
		s += "; plan items " + strings.Join(r.PlanItems, ", ")
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
