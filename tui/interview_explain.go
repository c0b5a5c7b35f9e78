package tui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// Explainer records why answers a consistency check finds disagreeing
// both stand (store.DB.Explain): what lets the assessment go to review
// without changing either answer. The workspace offers D where the
// disagreement shows only when Governance is one.
type Explainer interface {
	Explain(ctx context.Context, id int64, check, text string) (*assess.Assessment, error)
}

// explainedMsg is the store's answer to an explanation.
type explainedMsg struct {
	check string
	a     *assess.Assessment
	err   error
}

// disagreementHere is the disagreement the question shown is part of
// that most needs a word: the first nobody has explained, else the first
// explained; ok false when the question is part of none.
func (iv *interview) disagreementHere() (assess.Disagreement, bool) {
	id := iv.q().ID
	var here []assess.Disagreement
	for _, d := range iv.result().Disagreements {
		if slices.ContainsFunc(d.Answers, func(a assess.DisagreeingAnswer) bool { return a.Question == id }) {
			here = append(here, d)
		}
	}
	if open := assess.Unexplained(here); len(open) > 0 {
		return open[0], true
	}
	if len(here) > 0 {
		return here[0], true
	}
	return assess.Disagreement{}, false
}

// startExplaining opens the field for why the answers of the
// disagreement shown both stand; the status line says why not when the
// question is part of none, or explaining is not available here.
func (iv *interview) startExplaining() tea.Cmd {
	d, ok := iv.disagreementHere()
	if !ok {
		iv.sh.flash = "No consistency check finds this answer disagreeing with another: nothing to explain"
		return nil
	}
	if _, ok := iv.sh.deps.Governance.(Explainer); !ok {
		iv.sh.flash = "Explaining is not available here: assay explain does it"
		return nil
	}
	if iv.sh.sess.locked(iv.sh.deps) {
		return nil
	}
	iv.explaining = d.ID
	iv.editing = editExplanation
	iv.input.SetValue("")
	iv.input.Placeholder = "why both answers stand"
	iv.typedOn = ""
	iv.input.SetStyles(iv.sh.st.inputStyles())
	return iv.input.Focus()
}

// commitExplanation sends the explanation typed to the store once every
// queued answer is written, so that it is recorded for the answers the
// analyst sees. A blank one is refused here, with the reason.
func (iv *interview) commitExplanation() tea.Cmd {
	text := strings.TrimSpace(iv.input.Value())
	if assess.Blank(text) {
		iv.err = "Say why both answers stand, or esc to leave it"
		return nil
	}
	ex, _ := iv.sh.deps.Governance.(Explainer)
	d, id, check := iv.sh.deps, iv.sh.sess.a.ID, iv.explaining
	iv.editing = editNone
	iv.input.Blur()
	iv.err = ""
	iv.sh.flash = "Recording the explanation of " + clean(check) + "…"
	return iv.sh.saves.afterWrites(func() tea.Msg {
		if ex == nil {
			return explainedMsg{check: check, err: errors.New("explaining is not available here")}
		}
		a, err := ex.Explain(d.ctx(), id, check, text)
		return explainedMsg{check: check, a: a, err: err}
	})
}

// explained takes the store's answer: the session's explanations become
// the stored ones, and the status line says what was recorded, or why not.
func (iv *interview) explained(msg explainedMsg) {
	if msg.err != nil {
		iv.sh.flash = "Not explained: " + said(msg.err)
		return
	}
	iv.sh.sess.a.Explanations = msg.a.Explanations
	iv.sh.sess.evaluate(iv.sh.deps.Today())
	iv.sh.flash = fmt.Sprintf("Explained %s; the audit trail records it, and the report shows it beside the answers", clean(msg.check))
}

// disagreementLine says, under the question, the disagreement it is part
// of: the check, the other answers, and its explanation or that D gives
// one. "" for none.
func (iv *interview) disagreementLine() string {
	d, ok := iv.disagreementHere()
	if !ok {
		return ""
	}
	s := disagreeWords([]assess.Disagreement{d}, iv.q().ID)
	if d.Explanation != nil {
		return s + " Explained by " + clean(d.Explanation.By) + " on " + d.Explanation.At.UTC().Format("2006-01-02") + ": " + clean(d.Explanation.Text)
	}
	return s + " Not explained: D explains why both stand, or change one of the answers."
}
