package tui

import (
	"errors"
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
	case key.Matches(msg, k.Edit) && digitScale(q):
		v, _ := strconv.Atoi(msg.String())
		if v < q.Scale.From || v > q.Scale.To {
			iv.sh.flash = fmt.Sprintf("There is no step %s: the scale runs from %d to %d.", msg.String(), q.Scale.From, q.Scale.To)
			return nil
		}
		iv.cursor = v - q.Scale.From
		return iv.choose()
	case key.Matches(msg, k.Edit):
		i := optionNumber(msg.String())
		if i < 1 || i > n {
			// A key that does nothing is said, not swallowed.
			iv.sh.flash = fmt.Sprintf("There is no option %s: the options are %s.", msg.String(), optionRange(n))
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

// digitScale reports whether a question is a scale whose steps are all
// digits (a scale from 0 to 4, or 1 to 5): a digit key then picks its own
// step, so that 3 is 3 whatever the scale starts at.
func digitScale(q *assess.Question) bool {
	return q.Type == assess.TypeScale && q.Scale.From >= 0 && q.Scale.To <= 9
}

// optionNumber is the option a digit key picks: 1 to 9, and 0 for the
// tenth, as on a keyboard's row of digits.
func optionNumber(key string) int {
	i, err := strconv.Atoi(key)
	if err != nil {
		return 0
	}
	if i == 0 {
		return 10
	}
	return i
}

// optionRange names the digits that pick n options: "1 to 3", or, with a
// tenth, "1 to 9 and 0".
func optionRange(n int) string {
	if n >= 10 {
		return "1 to 9 and 0"
	}
	return fmt.Sprintf("1 to %d", n)
}

// tick toggles a multiple-choice option; an exclusive option ("none of
// these", "not applicable") clears the others and is cleared by them.
func (iv *interview) tick(o *assess.Option) {
	if iv.sh.flash == nothingTicked {
		iv.sh.flash = ""
	}
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
// nothingTicked answers enter on a multi-choice question with nothing
// ticked and no "none of these" option (which nothing ticked records).
const nothingTicked = "Nothing is ticked: space ticks the option under the cursor (a digit ticks that option), then enter saves the ticks."

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
			// On the status line, which always shows: below a long list
			// of options the question's own error line is out of sight.
			iv.sh.flash = nothingTicked
			return nil
		}
		return iv.save(assess.Value{Choices: choices}, true)
	}
	return iv.save(assess.Value{Choices: []string{q.Options[iv.cursor].Value}}, true)
}

// startEdit gives a text field the keyboard, filled with what it holds now.
func (iv *interview) startEdit(e editing) tea.Cmd {
	if iv.sh.sess.locked(iv.sh.deps) {
		return nil // said at once, not after typing for nothing
	}
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
	iv.typedOn = iv.input.Value()
	iv.input.CursorEnd()
	iv.input.SetStyles(iv.sh.st.inputStyles())
	return iv.input.Focus()
}

// untyped names what the open field holds that was typed and not given
// (enter not pressed), nothing if nothing: quitting says it rather than
// storing half an answer or dropping it without a word.
func (iv *interview) untyped() []Untyped {
	if iv.editing == editExplanation {
		return iv.explain.untyped(iv.sh.sess.where())
	}
	text := iv.input.Value()
	if iv.editing == editNone || text == iv.typedOn {
		return nil
	}
	what := map[editing]string{editAnswer: "answer", editNote: "note", editEvidence: "evidence", editMeasures: "measures"}[iv.editing]
	if what == "" {
		return nil
	}
	return []Untyped{{About: fmt.Sprintf("%s: the %s being typed to question %s", iv.sh.sess.where(), what, clean(iv.q().ID)),
		Text: text, Why: "quit before enter gave it"}}
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
			return q.NumberRange() + " (" + q.Unit + ")"
		}
		return q.NumberRange()
	case assess.TypeDate:
		return "YYYY-MM-DD"
	}
	return "your answer"
}

// typedKey handles a number, date or free-text question while its field
// is not being typed in. enter starts typing; on a number or a date the
// first character of one (a digit, a sign, a point) starts it too, typed
// in, so that answering costs no extra key while the interview's letters
// (n, e, q, ...) keep their meaning. Every other key of the interview
// works as on a choice question.
func (iv *interview) typedKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, interviewKeyMap.Choose):
		return iv.startEdit(editAnswer)
	case key.Matches(msg, interviewKeyMap.Down):
		iv.scrollAnswer(+1)
		return nil
	case key.Matches(msg, interviewKeyMap.Up):
		iv.scrollAnswer(-1)
		return nil
	}
	if !startsTyping(iv.q(), msg.Text) {
		return nil
	}
	cmd := iv.startEdit(editAnswer)
	if iv.editing == editNone {
		return nil // refused: locked
	}
	iv.input.SetValue(msg.Text) // typing over the answer replaces it, as in a spreadsheet
	iv.input.CursorEnd()
	return cmd
}

// startsTyping reports whether text, typed on an idle field of q, is the
// start of an answer to it.
func startsTyping(q *assess.Question, text string) bool {
	if len(text) != 1 {
		return false
	}
	c := text[0]
	switch q.Type {
	case assess.TypeNumber:
		return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.'
	case assess.TypeDate:
		return c >= '0' && c <= '9'
	}
	return false
}

// editKey handles keys while a text field has the keyboard. In the answer
// field, ← at the start of the text and → at its end (or pgup, pgdown)
// save what was typed and move, as they move on a choice question, so a
// typed question never costs a key more to pass.
func (iv *interview) editKey(msg tea.KeyPressMsg) tea.Cmd {
	k := editKeyMap
	if iv.editing == editAnswer {
		atStart := iv.input.Position() == 0
		atEnd := iv.input.Position() >= len([]rune(iv.input.Value()))
		switch {
		case key.Matches(msg, answerKeyMap.NextPage), atEnd && key.Matches(msg, answerKeyMap.Next):
			return iv.leaveField(+1)
		case key.Matches(msg, answerKeyMap.PrevPage), atStart && key.Matches(msg, answerKeyMap.Prev):
			return iv.leaveField(-1)
		}
	}
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
		if !iv.commitField() {
			return nil
		}
		return iv.startEdit(order[(pos+step)%len(order)])
	}
	var cmd tea.Cmd
	var refused string
	if iv.input, cmd, refused = typeWithin(iv.input, msg, assess.MaxTextLength); refused != "" {
		iv.err = refused
	}
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

// leaveField saves the answer typed and shows the next or previous
// question; a refused answer stays in its field, with the reason.
func (iv *interview) leaveField(step int) tea.Cmd {
	if !iv.commitField() {
		return nil
	}
	iv.editing = editNone
	iv.input.Blur()
	return iv.move(step)
}

// commitEdit saves the field; a typed answer moves on to the next question.
func (iv *interview) commitEdit() tea.Cmd {
	was := iv.editing
	if !iv.commitField() {
		return nil
	}
	iv.editing = editNone
	iv.input.Blur()
	if was == editAnswer {
		cmd := iv.move(+1)
		iv.sayDisagreement()
		return cmd
	}
	iv.sayDisagreement()
	return nil
}

// commitField queues what the text field holds, without moving on; false
// when it is refused: a wrong value's reason is left in iv.err, and a
// change this person may not make here (the assessment approved while
// they typed, a role they lack) is said on the status line, the field
// kept open with what was typed.
func (iv *interview) commitField() bool {
	text := iv.input.Value()
	ans := iv.answer()
	if err := assess.CheckText("text", text); err != nil {
		iv.err = said(err)
		return false
	}
	switch iv.editing {
	case editAnswer:
		v, err := parseTyped(iv.q(), text)
		if err != nil {
			iv.err = said(err)
			return false
		}
		if v.IsEmpty() && !ans.Answered() {
			iv.err = ""
			return true
		}
		if ans.Answered() && typedValue(iv.q(), v) == typedValue(iv.q(), ans.Value) {
			// Unchanged: passing through a vendor's answer does not
			// confirm it (y does), and nothing needs writing.
			iv.err = ""
			return true
		}
		if err := iv.q().Validate(v, nil); err != nil {
			iv.err = said(err)
			return false
		}
		ans.Value = v
		ans.Source, ans.Reviewed = assess.ByAnalyst, true
	case editNote:
		if text == ans.Note {
			iv.err = ""
			return true
		}
		ans.Note = text
	case editEvidence:
		ev := splitEvidence(text)
		if strings.Join(ev, "\x00") == strings.Join(ans.Evidence, "\x00") {
			iv.err = ""
			return true
		}
		ans.Evidence = ev
	case editMeasures:
		r := iv.rating()
		r.Measures = strings.TrimSpace(text)
		iv.err = ""
		iv.saveRisk(r)
		return true
	}
	iv.err = ""
	return iv.giveAnswer(ans)
}

func parseTyped(q *assess.Question, text string) (assess.Value, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return assess.Value{}, nil
	}
	switch q.Type {
	case assess.TypeNumber:
		figure := strings.ReplaceAll(text, ",", "")
		n, err := decimal.Parse(figure, 4)
		if err != nil {
			return assess.Value{}, numberRefused(text, figure, err)
		}
		return assess.Value{Number: &n}, nil
	case assess.TypeDate:
		d, err := assess.ParseDate(text)
		if err != nil {
			return assess.Value{}, err
		}
		return assess.Value{Date: d}, nil
	}
	return assess.Value{Text: text}, nil
}

// numberRefused says why a typed figure is refused. Only text that is not a
// number at all is called so: a figure with too many decimal places or
// digits is a number the reviewer copied right, and needs to hear which limit
// it passes, named with the figure as typed (thousands separators included)
// rather than as parsed.
func numberRefused(typed, figure string, err error) error {
	if errors.Is(err, decimal.ErrSyntax) {
		return fmt.Errorf("%q is not a number", typed)
	}
	return errors.New(strings.Replace(err.Error(), strconv.Quote(figure), strconv.Quote(typed), 1))
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
