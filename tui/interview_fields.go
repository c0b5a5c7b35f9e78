package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
)

func scaleAnswer(v int) assess.Value {
	n := decimal.FromInt(int64(v))
	return assess.Value{Number: &n}
}

// choiceCount is how many rows the question's picker has.
func choiceCount(q *assess.Question) int {
	switch q.Type {
	case assess.TypeScale:
		return q.Scale.To - q.Scale.From + 1
	case assess.TypeRisk:
		return len(riskRows)
	}
	return len(q.Options)
}

// choiceKey answers control, single, multiple-choice and scale questions.
func (iv *interview) choiceKey(msg tea.KeyPressMsg) tea.Cmd {
	k := interviewKeyMap
	q := iv.q()
	n := choiceCount(q)
	switch {
	case key.Matches(msg, k.Up):
		iv.cursor = (iv.cursor - 1 + n) % n
	case key.Matches(msg, k.Down):
		iv.cursor = (iv.cursor + 1) % n
	case key.Matches(msg, k.Edit):
		i, _ := strconv.Atoi(msg.String())
		if i < 1 || i > n {
			return nil
		}
		iv.cursor = i - 1
		if q.Type == assess.TypeMulti {
			iv.tick(q.Options[iv.cursor])
			return nil
		}
		return iv.choose()
	case key.Matches(msg, k.Toggle):
		if q.Type == assess.TypeMulti {
			iv.tick(q.Options[iv.cursor])
			return nil
		}
		return iv.choose()
	case key.Matches(msg, k.Choose):
		return iv.choose()
	}
	return nil
}

// tick toggles a multiple-choice option; an exclusive option ("none of
// these", "not applicable") clears the others and is cleared by them.
func (iv *interview) tick(o *assess.Option) {
	if iv.ticked[o.Value] {
		delete(iv.ticked, o.Value)
		return
	}
	if o.Exclusive || o.NA {
		iv.ticked = map[string]bool{}
	} else {
		for _, other := range iv.q().Options {
			if other.Exclusive || other.NA {
				delete(iv.ticked, other.Value)
			}
		}
	}
	iv.ticked[o.Value] = true
}

// choose saves the option under the cursor (or the ticked options) and moves on.
func (iv *interview) choose() tea.Cmd {
	q := iv.q()
	switch q.Type {
	case assess.TypeScale:
		return iv.save(scaleAnswer(q.Scale.From+iv.cursor), true)
	case assess.TypeMulti:
		var choices []string
		for _, o := range q.Options {
			if iv.ticked[o.Value] {
				choices = append(choices, o.Value)
			}
		}
		if len(choices) == 0 {
			if none := q.NoneOption(); none != nil {
				return iv.save(assess.Value{Choices: []string{none.Value}}, true)
			}
			if iv.answer().Answered() {
				return iv.clear()
			}
			iv.err = "Tick at least one option with space, then press enter."
			return nil
		}
		return iv.save(assess.Value{Choices: choices}, true)
	}
	return iv.save(assess.Value{Choices: []string{q.Options[iv.cursor].Value}}, true)
}

// riskRows are the ratings of a risk, in the order they are asked.
var riskRows = []string{"Likelihood as found", "Impact as found", "Likelihood after measures", "Impact after measures", "Planned measures"}

// riskKey rates a risk: a row is chosen with the arrows, a rating typed as
// its number; each change is saved once the risk is rated as found.
func (iv *interview) riskKey(msg tea.KeyPressMsg) tea.Cmd {
	k := interviewKeyMap
	switch {
	case key.Matches(msg, k.Up):
		iv.cursor = (iv.cursor - 1 + len(riskRows)) % len(riskRows)
	case key.Matches(msg, k.Down):
		iv.cursor = (iv.cursor + 1) % len(riskRows)
	case key.Matches(msg, k.Choose):
		if iv.cursor == len(riskRows)-1 {
			return iv.startEdit(editMeasures)
		}
		iv.cursor = min(iv.cursor+1, len(riskRows)-1)
	case key.Matches(msg, k.Edit):
		if iv.cursor == len(riskRows)-1 {
			return nil
		}
		n, _ := strconv.Atoi(msg.String())
		return iv.rate(iv.cursor, n)
	}
	return nil
}

// rating is the risk's rating as shown: the draft, else the answer's.
func (iv *interview) rating() assess.RiskRating {
	if iv.draft != nil {
		return *iv.draft
	}
	if r := iv.answer().Value.Risk; r != nil {
		return *r
	}
	return assess.RiskRating{}
}

// rate sets one rating of the risk and saves it when it makes a whole answer.
func (iv *interview) rate(row, n int) tea.Cmd {
	m := iv.sh.sess.a.Questionnaire.RiskMatrix
	scale := m.Likelihood
	if row%2 == 1 {
		scale = m.Impact
	}
	if n < 1 || n > len(scale) {
		iv.err = "Rate from 1 to " + strconv.Itoa(len(scale)) + "."
		return nil
	}
	r := iv.rating()
	switch row {
	case 0:
		r.Likelihood = n
	case 1:
		r.Impact = n
	case 2:
		r.AfterLikelihood = n
	case 3:
		r.AfterImpact = n
	}
	iv.cursor = min(row+1, len(riskRows)-1)
	return iv.saveRisk(r)
}

// saveRisk saves a rating once it is whole: rated as found, and both or
// neither of the ratings after measures. Until then it is a draft.
func (iv *interview) saveRisk(r assess.RiskRating) tea.Cmd {
	if !wholeRating(r) {
		iv.draft = &r
		return nil
	}
	iv.draft = nil
	iv.save(assess.Value{Risk: &r}, false)
	if iv.err != "" {
		iv.draft = &r // refused: still on screen, to correct
	}
	return nil
}

func wholeRating(r assess.RiskRating) bool {
	return r.InitialRated() && (r.AfterLikelihood > 0) == (r.AfterImpact > 0)
}

// startEdit gives a text field the keyboard, filled with what it holds now.
func (iv *interview) startEdit(e editing) tea.Cmd {
	ans := iv.answer()
	iv.editing = e
	iv.input.SetValue("")
	switch e {
	case editAnswer:
		iv.input.SetValue(typedValue(iv.q(), ans.Value))
		iv.input.Placeholder = placeholder(iv.q())
	case editNote:
		iv.input.SetValue(ans.Note)
		iv.input.Placeholder = "what the answer rests on, caveats, follow-ups"
	case editEvidence:
		iv.input.SetValue(strings.Join(ans.Evidence, "; "))
		iv.input.Placeholder = "references separated by ; (document, URL, ticket)"
	case editMeasures:
		iv.input.SetValue(iv.rating().Measures)
		iv.input.Placeholder = "the measures the after-measures rating assumes"
	}
	iv.input.CursorEnd()
	return iv.input.Focus()
}

func typedValue(q *assess.Question, v assess.Value) string {
	switch {
	case v.Number != nil:
		return v.Number.String()
	case !v.Date.IsZero():
		return v.Date.String()
	}
	return v.Text
}

func placeholder(q *assess.Question) string {
	switch q.Type {
	case assess.TypeNumber:
		if q.Unit != "" {
			return "a number (" + q.Unit + ")"
		}
		return "a number"
	case assess.TypeDate:
		return "YYYY-MM-DD"
	}
	return "your answer"
}

// editKey handles keys while a text field has the keyboard.
func (iv *interview) editKey(msg tea.KeyPressMsg) tea.Cmd {
	k := editKeyMap
	switch {
	case key.Matches(msg, k.Cancel):
		iv.editing = editNone
		iv.input.Blur()
		iv.err = ""
		return nil
	case key.Matches(msg, k.Save):
		return iv.commitEdit()
	case key.Matches(msg, k.NextField), key.Matches(msg, k.PrevField):
		order := []editing{editAnswer, editNote, editEvidence}
		if !typed(iv.q()) {
			order = order[1:]
		}
		pos := max(indexOfEditing(order, iv.editing), 0)
		step := 1
		if key.Matches(msg, k.PrevField) {
			step = len(order) - 1
		}
		if iv.commitField(); iv.err != "" {
			return nil
		}
		return iv.startEdit(order[(pos+step)%len(order)])
	}
	var cmd tea.Cmd
	iv.input, cmd = iv.input.Update(msg)
	return cmd
}

func typed(q *assess.Question) bool {
	return q.Type == assess.TypeNumber || q.Type == assess.TypeDate || q.Type == assess.TypeText
}

func indexOfEditing(xs []editing, x editing) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// commitEdit saves the field; a typed answer moves on to the next question.
func (iv *interview) commitEdit() tea.Cmd {
	was := iv.editing
	if iv.commitField(); iv.err != "" {
		return nil
	}
	iv.editing = editNone
	iv.input.Blur()
	if was == editAnswer {
		return iv.move(+1)
	}
	return nil
}

// commitField queues what the text field holds, without moving on; a
// refusal is left in iv.err.
func (iv *interview) commitField() {
	text := iv.input.Value()
	ans := iv.answer()
	if err := assess.CheckText("text", text); err != nil {
		iv.err = clean(err.Error())
		return
	}
	switch iv.editing {
	case editAnswer:
		v, err := parseTyped(iv.q(), text)
		if err != nil {
			iv.err = clean(err.Error())
			return
		}
		if v.IsEmpty() && !ans.Answered() {
			iv.err = ""
			return
		}
		if err := iv.q().Validate(v, nil); err != nil {
			iv.err = clean(err.Error())
			return
		}
		ans.Value = v
		ans.Source, ans.Reviewed = assess.ByAnalyst, true
	case editNote:
		if text == ans.Note {
			iv.err = ""
			return
		}
		ans.Note = text
	case editEvidence:
		ans.Evidence = splitEvidence(text)
	case editMeasures:
		r := iv.rating()
		r.Measures = strings.TrimSpace(text)
		iv.err = ""
		iv.saveRisk(r)
		return
	}
	iv.err = ""
	iv.sh.sess.setAnswer(iv.sh.deps, ans)
}

func parseTyped(q *assess.Question, text string) (assess.Value, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return assess.Value{}, nil
	}
	switch q.Type {
	case assess.TypeNumber:
		n, err := decimal.Parse(strings.ReplaceAll(text, ",", ""), 4)
		if err != nil {
			return assess.Value{}, fmt.Errorf("%q is not a number", text)
		}
		return assess.Value{Number: &n}, nil
	case assess.TypeDate:
		d, err := assess.ParseDate(text)
		if err != nil {
			return assess.Value{}, fmt.Errorf("%q is not a date: use YYYY-MM-DD", text)
		}
		return assess.Value{Date: d}, nil
	}
	return assess.Value{Text: text}, nil
}

func splitEvidence(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ";") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
