package questionnaires

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// internalEntry is a file's entry for a question that is ours to answer
// (ourOwn): an internal question, or a risk rating, kept with where each
// of its parts is written.
type internalEntry struct {
	id    string
	risk  bool           // a risk rating, which we rate rather than answer
	parts [3]yamlx.Value // the value, note and evidence, as partNames
	// answer and given are what readAnswer read, ok false for an entry
	// left blank (no value, note or evidence).
	answer assess.Answer
	given  Given
	ok     bool
}

var partNames = [3]string{"value", "note", "evidence"}

// ourOwn reports whether qq is ours to answer, never the vendor's: an
// internal question (how critical the vendor is to us), or a risk rating
// (likelihood and impact, the measures and the plan items that carry
// them), which assay send leaves out of the vendor's file.
func ourOwn(qq *assess.Question) bool {
	return qq.Internal || qq.Type == assess.TypeRisk
}

// newInternalEntry records where the parts of the entry v for question qq
// are: each key of a mapping, or v itself for a value alone. A risk's
// value is written under several keys (likelihood, impact, after,
// measures, plan): the first of them the entry gives stands for it.
func newInternalEntry(qq *assess.Question, v yamlx.Value, a assess.Answer, given Given, ok bool) internalEntry {
	e := internalEntry{id: qq.ID, risk: qq.Type == assess.TypeRisk, answer: a, given: given, ok: ok, parts: [3]yamlx.Value{v, v, v}}
	if !v.IsMap() {
		return e
	}
	e.parts = [3]yamlx.Value{v.Field("answer"), v.Field("note"), v.Field("evidence")}
	if e.risk {
		e.parts[0] = v
		for _, en := range v.Entries() {
			if en.Key != "note" && en.Key != "evidence" {
				e.parts[0] = en.Value
				break
			}
		}
	}
	return e
}

// changedParts lists the parts of the entry that say other than rec, the
// answer recorded for us: reading them would change it. A part the entry
// leaves out, or a value left blank, keeps what is recorded, as anywhere
// in an answers file, and so is not a change; a note given as "" clears
// the recorded one, and is.
func (e internalEntry) changedParts(rec assess.Answer) []int {
	if !e.ok {
		return nil // left blank: it gives nothing
	}
	var out []int
	for i, given := range []bool{e.given.Value, e.given.Note, e.given.Evidence} {
		if !given {
			continue
		}
		over := rec
		switch i {
		case 0:
			over.Value = e.answer.Value
		case 1:
			over.Note = e.answer.Note
		case 2:
			over.Evidence = e.answer.Evidence
		}
		if !assess.SameAnswer(over, rec) {
			out = append(out, i)
		}
	}
	return out
}

// OurOwn sorts out the entries a vendor's file gives to questions that are
// ours (internal questions and risk ratings). assay send leaves them out,
// and a vendor's entry that rates one of our risks is refused as one that
// answers an internal question is; but a file sent by an assay from
// before they existed holds them, with our answers filled in: an entry
// that says what we recorded (now, or when the file was sent, atSend, nil
// for a file that does not say) is ours, not the vendor's, and is taken
// out of the file's answers, so that it neither replaces ours nor adds to
// the audit trail; its question is listed in ignored. An entry that says
// otherwise is the vendor answering for us, and is refused at each part
// it changed (problems). The analyst's own file answers them as any other.
func (f *AnswersFile) OurOwn(current, atSend assess.Answers) (ignored []string, problems Problems) {
	if f.Source != assess.ByVendor {
		return nil, nil
	}
	drop := map[string]bool{}
	for _, e := range f.internal {
		changed := e.changedParts(current[e.id])
		if len(changed) > 0 && atSend != nil && len(e.changedParts(atSend[e.id])) == 0 {
			changed = nil // as it was sent, and changed here since
		}
		if len(changed) == 0 {
			ignored = append(ignored, e.id)
			drop[e.id] = true
			continue
		}
		answered, record := "answered", "record"
		if e.risk {
			answered, record = "rated", "rate"
		}
		for _, i := range changed {
			v := e.parts[i]
			problems = append(problems, Problem{File: v.Doc().File, Line: v.Line(), Column: v.Column(), Field: v.Path(),
				Message: e.id + " is " + answered + " by us, not the vendor: the file's " + partNames[i] + " is not the one we recorded",
				Hint:    "delete " + e.id + " from the vendor's file, or " + record + " it yourself"})
		}
	}
	kept := f.Answers[:0]
	for _, a := range f.Answers {
		if drop[a.QuestionID] {
			delete(f.Given, a.QuestionID)
			continue
		}
		kept = append(kept, a)
	}
	f.Answers = kept
	return ignored, problems
}
