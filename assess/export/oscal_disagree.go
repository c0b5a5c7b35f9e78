package export

import (
	"time"

	"github.com/assay-dev/assay/assess"
)

// disagreementObservations are the consistency checks that hold, one
// observation each: the check's words, the answers it read, and why both
// stand as someone explained it (who, when) or that nobody has. A tool
// reading the results sees what the committee report shows before its
// appendix. Collected when explained, else when the last of its answers
// was recorded.
func (w *oscalWriter) disagreementObservations(ds []assess.Disagreement) []any {
	var out []any
	for _, d := range ds {
		remarks := "Answers: " + markup(assess.DisagreeingAnswersLine(d.Answers))
		collected := dayTime(w.ev.Assessment.AssessedOn, false)
		if e := d.Explanation; e != nil {
			remarks += "\n\nExplained by " + markup(line(e.By)) + " on " + e.At.UTC().Format(time.DateOnly) + ": " + markup(e.Text)
			collected = instant(e.At)
		} else {
			remarks += "\n\nNot explained."
			if at := w.lastAnswered(d.Answers); !at.IsZero() {
				collected = instant(at)
			}
		}
		out = append(out, map[string]any{
			"uuid": w.id("observation/disagreement/" + d.ID), "title": markup(line("Answers that disagree: " + d.ID)),
			"description": markup(line(d.Message)), "methods": []string{"EXAMINE"}, "types": []string{"finding"},
			"props": []any{prop("consistency-check", d.ID)}, "collected": collected, "remarks": remarks,
		})
	}
	return out
}

// lastAnswered is when the last of answers was recorded; zero when none
// has a time.
func (w *oscalWriter) lastAnswered(answers []assess.DisagreeingAnswer) time.Time {
	var last time.Time
	for _, a := range answers {
		if at := w.ev.Assessment.Answers[a.Question].UpdatedAt; at.After(last) {
			last = at
		}
	}
	return last
}
