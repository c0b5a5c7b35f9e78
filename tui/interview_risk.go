package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// The rows of a risk question, in the order they are asked: four
// ratings, the planned measures in words, and the plan items that carry
// the measures out.
const (
	rowMeasures  = 4
	rowPlanItems = 5
)

var riskRows = []string{"Likelihood as found", "Impact as found", "Likelihood after measures", "Impact after measures", "Planned measures", "Plan items"}

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
		switch iv.cursor {
		case rowMeasures:
			return iv.startEdit(editMeasures)
		case rowPlanItems:
			if !iv.sh.sess.locked(iv.sh.deps) {
				iv.openPlanPicker()
			}
			return nil
		}
		iv.cursor++
	case key.Matches(msg, k.Edit):
		if iv.cursor >= rowMeasures {
			return nil
		}
		n, _ := strconv.Atoi(msg.String())
		return iv.rate(iv.cursor, n)
	}
	return nil
}

// riskScale is the scale a rating row is rated on.
func riskScale(m *assess.RiskMatrix, row int) []string {
	if row%2 == 1 {
		return m.Impact
	}
	return m.Likelihood
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
	scale := riskScale(iv.sh.sess.a.Questionnaire.RiskMatrix, row)
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

// planChoice is a plan item the risk's measures may rely on.
type planChoice struct {
	key, label string
	severity   assess.Severity
	gone       bool // linked before, but no longer a finding
}

// pickerRows is how many plan items the picker shows at once, whatever
// the room: it sits under the risk's rows, which keep theirs.
const pickerRows = 6

// planPicker lists the plan items to tick while the Plan items row is open.
// Its window is fitted as it opens and after every key that moves the
// cursor, not while drawing: a page key moves by the picker's page even
// before it was first drawn, and drawing changes nothing.
type planPicker struct {
	choices []planChoice
	nav     listNav
	ticked  map[string]bool
}

// openPlanPicker lists the assessment's plan items, with any item the
// risk names that is no longer a finding, so it can be unticked.
func (iv *interview) openPlanPicker() {
	r := iv.rating()
	p := &planPicker{ticked: map[string]bool{}}
	listed := map[string]bool{}
	for _, it := range iv.sh.sess.eval.Plan {
		if it.Key() == iv.q().ID {
			continue // a risk does not carry out its own measures
		}
		p.choices = append(p.choices, planChoice{key: it.Key(), label: it.Finding.Question, severity: it.Finding.Severity})
		listed[it.Key()] = true
	}
	for _, k := range r.PlanItems {
		p.ticked[k] = true
		if !listed[k] {
			p.choices = append(p.choices, planChoice{key: k, label: "no longer a finding", gone: true})
		}
	}
	p.nav = p.nav.fitted(len(p.choices), pickerRows)
	iv.picker = p
	iv.editing = editPlanItems
}

// pickKey moves through the plan items, ticks them, and saves the ticked
// ones with the rating (enter) or leaves them as they were (esc).
func (iv *interview) pickKey(msg tea.KeyPressMsg) tea.Cmd {
	p, k := iv.picker, pickKeyMap
	if p.nav.key(msg, len(p.choices)) {
		p.nav = p.nav.fitted(len(p.choices), pickerRows)
		return nil
	}
	switch {
	case key.Matches(msg, k.Cancel):
		iv.closePicker()
	case key.Matches(msg, k.Toggle):
		if p.nav.cursor < len(p.choices) {
			c := p.choices[p.nav.cursor].key
			p.ticked[c] = !p.ticked[c]
		}
	case key.Matches(msg, k.Save):
		r := iv.rating()
		r.PlanItems = nil
		for _, c := range p.choices {
			if p.ticked[c.key] {
				r.PlanItems = append(r.PlanItems, c.key)
			}
		}
		iv.closePicker()
		return iv.saveRisk(r)
	}
	return nil
}

func (iv *interview) closePicker() {
	iv.picker = nil
	iv.editing = editNone
}
