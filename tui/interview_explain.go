package tui

import (
	"context"

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

// explainedMsg is the store's answer to an explanation of assessment id.
type explainedMsg struct {
	id    int64
	check string
	a     *assess.Assessment
	err   error
}

// disagreementHere is the disagreement the question shown is part of
// that most needs a word (unexplainedOf); ok false when it is part of none.
func (iv *interview) disagreementHere() (assess.Disagreement, bool) {
	return unexplainedOf(iv.result().Disagreements, iv.q().ID)
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
	cmd, ok := iv.explain.open(iv.sh, d)
	if ok {
		iv.editing = editExplanation
	}
	return cmd
}

// explainKey gives a message to the explanation's field; the interview's
// keys act again once it closes.
func (iv *interview) explainKey(msg tea.Msg) tea.Cmd {
	cmd := iv.explain.update(iv.sh, msg)
	if !iv.explain.isOpen() {
		iv.editing = editNone
	}
	return cmd
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
	if iv.sh.deps.readOnly() != "" {
		return s + " Not explained yet."
	}
	return s + " Not explained: D explains why both stand, or change one of the answers."
}
