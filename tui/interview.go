package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// editing says which text field of the question has the keyboard.
type editing int

const (
	editNone editing = iota
	editAnswer
	editNote
	editEvidence
	editMeasures
	editPlanItems   // the plan items a risk's measures rely on: a list, not a text field
	editExplanation // why the answers a consistency check finds disagreeing both stand
)

// interview shows one question at a time with the field its type needs.
// Choices are answered with a key (enter, or the option's number); typed
// answers, notes and evidence in a text field; every answer is saved as
// soon as it is given and the status line rescored.
type interview struct {
	sh  *shell
	idx int // the question shown, an index into Questionnaire.Questions
	// back is the review that opened this question, where esc returns;
	// nil when the interview was opened from the portfolio.
	back *review

	cursor int             // option (or risk row) under the cursor
	ticked map[string]bool // multiple choice: options ticked but not yet saved
	// draft is a risk rating not yet whole enough to save (no rating as
	// found, or one of the two after measures): it stays on this screen,
	// so the session holds only what was given and queued.
	draft    *assess.RiskRating
	picker   *planPicker // open while the plan items of a risk are picked
	input    textinput.Model
	editing  editing
	typedOn  string // what the field held when it opened: typing since is not given yet
	showHelp bool
	// answerTop is how many lines of a typed answer taller than the pane
	// ↓ has scrolled past (interview_answer.go).
	answerTop int
	err       string // why the last answer was refused
	// disagreed says what the answer just given made disagree (the
	// consistency checks it made hold), until the status line shows it.
	disagreed string
	// explain is the field where why disagreeing answers both stand is
	// typed (explain_field.go), open while editing is editExplanation.
	explain explainField
}

func newInterview(sh *shell) (screen, tea.Cmd) {
	iv := &interview{sh: sh}
	ti := textinput.New()
	ti.CharLimit = assess.MaxTextLength
	ti.Prompt = "> "
	iv.input = ti
	iv.idx = iv.resumeAt()
	if q, ok := sh.sess.a.Questionnaire.Question(sh.sess.at); ok && iv.result().Questions[q.Index].Visible {
		iv.idx = q.Index
	}
	return iv, iv.arrive()
}

// newInterviewAt shows question idx, opened from a review that esc
// returns to.
func newInterviewAt(sh *shell, idx int, back *review) (screen, tea.Cmd) {
	s, _ := newInterview(sh)
	iv := s.(*interview)
	iv.idx, iv.back = idx, back
	return iv, iv.arrive()
}

func (iv *interview) Title() string { return iv.sh.sess.where() }
func (iv *interview) tab() view     { return viewInterview }

func (iv *interview) Capturing() bool { return iv.editing != editNone }

func (iv *interview) KeyMap() keyMap {
	switch iv.editing {
	case editNone:
	case editAnswer:
		return answerKeyMap.keyMap()
	case editPlanItems:
		return pickKeyMap.keyMap()
	case editExplanation:
		return explainKeys()
	default:
		return editKeyMap.keyMap()
	}
	km := interviewKeyMap.keyMap()
	switch t := iv.q().Type; t {
	case assess.TypeText, assess.TypeNumber, assess.TypeDate:
		km = interviewKeyMap.typedKeyMap(t) // as typedKey handles them
	case assess.TypeRisk:
		km = interviewKeyMap.riskKeyMap() // as riskKey handles them
	}
	if !iv.sh.sess.editable(iv.sh.deps) {
		return km.without(interviewKeyMap.writes()...)
	}
	if d, ok := iv.disagreementHere(); ok && d.Explanation == nil {
		km.short = append([]key.Binding{interviewKeyMap.Explain}, km.short...)
	}
	if _, ok := iv.sh.sess.conflicts[iv.q().ID]; ok {
		km.short = append([]key.Binding{conflictKeys.Overwrite, conflictKeys.Keep}, km.short...)
		km.full = append([][]key.Binding{{conflictKeys.Overwrite, conflictKeys.Keep}}, km.full...)
	}
	return withGoToConflict(km, iv.conflictNotice() != "")
}

func (iv *interview) q() *assess.Question { return iv.sh.sess.a.Questionnaire.Questions[iv.idx] }

func (iv *interview) result() *assess.Result { return iv.sh.sess.eval.Result }

func (iv *interview) answer() assess.Answer {
	q := iv.q()
	a, ok := iv.sh.sess.a.Answers[q.ID]
	if !ok {
		a = assess.Answer{QuestionID: q.ID}
	}
	return a
}

// resumeAt is the first question that must still be answered, else the
// first visible one left blank, or the first question when everything is
// answered: reopening an assessment carries on where the last sitting
// stopped, past the optional questions it left blank.
func (iv *interview) resumeAt() int {
	res := iv.result()
	if i := slices.IndexFunc(res.Questions, func(qr assess.QuestionResult) bool { return qr.Required && !qr.Answered }); i >= 0 {
		return i
	}
	first := -1
	for i, qr := range res.Questions {
		if !qr.Visible {
			continue
		}
		if first < 0 {
			first = i
		}
		if !qr.Answered && qr.Status != assess.StatusNA {
			return i
		}
	}
	return max(first, 0)
}

// arrive sets the fields up for the question now shown: the cursor on
// the current answer, and, for an unanswered free-text question, the
// text field focused so that the reviewer can just type. A number or a
// date waits for its first digit instead, so that every key of the
// interview still works on it (see typedKey).
func (iv *interview) arrive() tea.Cmd {
	// No edit goes on past here: one that others' answers came to
	// meanwhile was given up, and their answers are the question's.
	iv.sh.sess.takeMeanwhile(iv.sh.deps.Today())
	iv.sh.sess.at = iv.q().ID
	iv.err = ""
	iv.editing = editNone
	iv.answerTop = 0
	iv.input.Blur()
	iv.explain.close()
	iv.draft = nil
	iv.picker = nil
	iv.showPicked()
	if q := iv.q(); q.Type == assess.TypeText && !iv.answer().Answered() && iv.sh.sess.editable(iv.sh.deps) {
		return iv.startEdit(editAnswer)
	}
	return nil
}

// showPicked puts the cursor and the ticks on the question's answer as
// the session holds it: on arriving, and after an answer is saved, so
// that the last question's pick shows even though nothing follows it.
func (iv *interview) showPicked() {
	iv.cursor, iv.ticked = iv.picked()
}

// picked is where showPicked puts the cursor, and the options it ticks:
// on the answer the session holds, the first option when there is none.
func (iv *interview) picked() (cursor int, ticked map[string]bool) {
	q, ans := iv.q(), iv.answer()
	ticked = map[string]bool{}
	switch q.Type {
	case assess.TypeControl, assess.TypeSingle, assess.TypeMulti:
		for i, o := range q.Options {
			for _, c := range ans.Value.Choices {
				if c == o.Value {
					ticked[c] = true
					if q.Type != assess.TypeMulti || len(ticked) == 1 {
						cursor = i
					}
				}
			}
		}
	case assess.TypeScale:
		if n := ans.Value.Number; n != nil {
			cursor = int(n.Int()) - q.Scale.From
		}
	}
	return cursor, ticked
}

// choosing reports whether the person has moved the cursor of a single
// choice or scale off the answer it showed: they are choosing, and an
// enter may be on its way. Another person's answer arriving then must not
// move the cursor under their hand (their enter would confirm the other
// answer, recording nothing of theirs); it is kept as an edit is, and
// their enter meets the other answer as a conflict.
func (iv *interview) choosing() bool {
	switch iv.q().Type {
	case assess.TypeControl, assess.TypeSingle, assess.TypeScale:
		cursor, _ := iv.picked()
		return iv.cursor != cursor
	}
	return false
}

func (iv *interview) Update(msg tea.Msg) (screen, tea.Cmd) {
	if iv.editing == editExplanation {
		return iv, iv.explainKey(msg)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if iv.editing != editNone && iv.editing != editPlanItems {
			var cmd tea.Cmd
			if paste, ok := msg.(tea.PasteMsg); ok {
				var refused string
				iv.input, cmd, refused = pasteWithin(iv.input, paste, assess.MaxTextLength)
				iv.err = refused
				return iv, cmd
			}
			iv.input, cmd = iv.input.Update(msg)
			return iv, cmd
		}
		return iv, nil
	}
	switch iv.editing {
	case editNone:
		if key.Matches(km, global.Back) {
			if iv.back != nil {
				iv.sh.flash = ""
				return iv.back.returned(), nil
			}
			return iv.sh.goHome()
		}
		return iv, iv.navKey(km)
	case editPlanItems:
		return iv, iv.pickKey(km)
	}
	return iv, iv.editKey(km)
}

// navKey handles keys while no text field has the keyboard.
func (iv *interview) navKey(msg tea.KeyPressMsg) tea.Cmd {
	k := interviewKeyMap
	q := iv.q()
	if cmd, ok := iv.conflictKey(msg); ok {
		return cmd
	}
	if key.Matches(msg, conflictKeys.GoTo) && iv.conflictNotice() != "" {
		return iv.goToConflict()
	}
	switch {
	case key.Matches(msg, k.Next):
		return iv.move(+1)
	case key.Matches(msg, k.Prev):
		return iv.move(-1)
	case key.Matches(msg, k.NextUnanswered):
		return iv.nextUnanswered()
	case key.Matches(msg, k.NextSection):
		return iv.jumpSection(+1)
	case key.Matches(msg, k.PrevSection):
		return iv.jumpSection(-1)
	case key.Matches(msg, k.HelpText):
		iv.showHelp = !iv.showHelp
		return nil
	case key.Matches(msg, k.Note):
		return iv.startEdit(editNote)
	case key.Matches(msg, k.Evidence):
		return iv.startEdit(editEvidence)
	case key.Matches(msg, k.Clear):
		return iv.clear()
	case key.Matches(msg, k.Confirm):
		return iv.confirmVendor()
	case key.Matches(msg, k.Explain):
		return iv.startExplaining()
	case key.Matches(msg, k.Trail) && iv.sh.deps.History != nil:
		return iv.sh.saves.afterWrites(loadTrail(iv.sh.deps, iv.sh.sess.a, iv, q.ID))
	}
	switch q.Type {
	case assess.TypeRisk:
		return iv.riskKey(msg)
	case assess.TypeNumber, assess.TypeDate, assess.TypeText:
		return iv.typedKey(msg)
	}
	return iv.choiceKey(msg)
}

// move shows the next or previous visible question.
func (iv *interview) move(step int) tea.Cmd {
	vis := visibleQuestions(iv.result())
	pos := indexOf(vis, iv.idx)
	if pos < 0 { // the question shown became hidden: go to its neighbour
		pos = nearest(vis, iv.idx)
		if step > 0 {
			pos--
		}
	}
	next := pos + step
	if next < 0 || next >= len(vis) {
		if step > 0 {
			iv.sh.flash = "That was the last question: u finds anything unanswered, tab shows the review."
		}
		return nil
	}
	iv.sh.flash = ""
	iv.idx = vis[next]
	return iv.arrive()
}

// nextUnanswered shows the next question that must still be answered
// after the one shown and round again; once none is left, the next
// optional one left blank, saying it may stay so.
func (iv *interview) nextUnanswered() tea.Cmd {
	res := iv.result()
	next := func(want func(assess.QuestionResult) bool) int {
		n := len(res.Questions)
		for step := 1; step <= n; step++ {
			i := (iv.idx + step) % n
			if qr := res.Questions[i]; qr.Visible && !qr.Answered && qr.Status != assess.StatusNA && want(qr) {
				return i
			}
		}
		return -1
	}
	i := next(func(qr assess.QuestionResult) bool { return qr.Required })
	flash := ""
	if i < 0 {
		i = next(func(assess.QuestionResult) bool { return true })
		flash = "Every required question has an answer: this one may stay blank."
	}
	if i < 0 {
		iv.sh.flash = "Every visible question has an answer."
		return nil
	}
	iv.idx = i
	iv.sh.flash = flash
	return iv.arrive()
}

// jumpSection shows the first visible question of the next or previous section.
func (iv *interview) jumpSection(step int) tea.Cmd {
	qs := iv.sh.sess.a.Questionnaire
	res := iv.result()
	cur := 0
	for i, s := range qs.Sections {
		if s == iv.q().Section {
			cur = i
		}
	}
	for si := cur + step; si >= 0 && si < len(qs.Sections); si += step {
		for _, q := range qs.Sections[si].Questions {
			if res.Questions[q.Index].Visible {
				iv.idx = q.Index
				return iv.arrive()
			}
		}
	}
	return nil
}

// save stores a new value for the question shown, keeping its note and
// evidence, and moves on when advance is set.
func (iv *interview) save(v assess.Value, advance bool) tea.Cmd {
	q := iv.q()
	if err := q.Validate(v, iv.sh.sess.a.Questionnaire.RiskMatrix); err != nil {
		iv.err = said(err)
		return nil
	}
	ans := iv.answer()
	ans.Value = v
	ans.Source, ans.Reviewed = assess.ByAnalyst, true
	iv.err = ""
	if !iv.giveAnswer(ans) {
		return nil // a refused answer stays on its question, with why
	}
	if !advance {
		iv.sayDisagreement()
		return nil
	}
	at := iv.idx
	cmd := iv.move(+1)
	if iv.idx == at {
		iv.showPicked() // the last question: nothing to move to
	}
	iv.sayDisagreement()
	return cmd
}

func (iv *interview) clear() tea.Cmd {
	ans := iv.answer()
	if !ans.Answered() {
		return nil
	}
	ans.Value = assess.Value{}
	iv.sh.sess.setAnswer(iv.sh.deps, ans)
	return iv.arrive()
}

// confirmVendor confirms the vendor's answer shown (the analyst has
// checked it) and moves to the next vendor answer still to confirm; on
// a question without one, it only moves.
func (iv *interview) confirmVendor() tea.Cmd {
	if iv.sh.sess.locked(iv.sh.deps) {
		return nil
	}
	if ans := iv.answer(); unconfirmed(ans) {
		ans.Reviewed = true
		iv.sh.sess.setAnswer(iv.sh.deps, ans)
	}
	res := iv.result()
	n := len(res.Questions)
	for step := 1; step <= n; step++ {
		i := (iv.idx + step) % n
		if qr := res.Questions[i]; qr.Visible && unconfirmed(iv.sh.sess.a.Answers[qr.ID]) {
			iv.idx = i
			iv.sh.flash = ""
			return iv.arrive()
		}
	}
	iv.sh.flash = "Every vendor answer is confirmed."
	return nil
}

// unconfirmed reports whether an answer is the vendor's and not yet
// confirmed by the analyst.
func unconfirmed(a assess.Answer) bool {
	return a.Answered() && a.Source == assess.ByVendor && !a.Reviewed
}

// vendorLeft counts the visible questions whose vendor answer is still
// to confirm, and says whether any answer came from the vendor at all.
func (iv *interview) vendorLeft() (left int, fromVendor bool) {
	for _, qr := range iv.result().Questions {
		a := iv.sh.sess.a.Answers[qr.ID]
		if a.Source != assess.ByVendor || !a.Answered() {
			continue
		}
		fromVendor = true
		if qr.Visible && !a.Reviewed {
			left++
		}
	}
	return left, fromVendor
}

func visibleQuestions(res *assess.Result) []int {
	out := make([]int, 0, len(res.Questions))
	for i, qr := range res.Questions {
		if qr.Visible {
			out = append(out, i)
		}
	}
	return out
}

func indexOf(xs []int, x int) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// nearest is the position of the first element after x (or the last).
func nearest(xs []int, x int) int {
	for i, v := range xs {
		if v > x {
			return i
		}
	}
	return len(xs) - 1
}
