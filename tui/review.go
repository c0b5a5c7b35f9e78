package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// pane is one part of the review.
type pane int

const (
	paneScores pane = iota
	paneWhy
	paneRisks
	paneCoverage
	paneFindings
	paneRecommended
	panes
)

var paneNames = []string{"Scores", "Why", "Risks", "Coverage", "Findings", "Recommended"}

// review shows the result: scores by section and dimension, the working
// behind every level, the risk matrix, framework coverage with drill-down
// to the answers, the findings, and a pre-screen's recommendations.
type review struct {
	sh     *shell
	pane   pane
	scroll int     // text panes: the first line shown
	page   int     // text panes: the lines shown last
	nav    listNav // list panes: coverage and recommendations
	fw     int     // coverage: which framework
	drill  bool    // coverage: showing the questions behind the control under the cursor
	after  bool    // risks: the matrix after measures
	// worstCase shows the levels not rated yet at the worst case they
	// stand at, unanswered questions counted as the worst answer.
	worstCase bool
	coverage  []assess.ControlCoverage
}

func newReview(sh *shell) *review {
	r := &review{sh: sh}
	if !r.available(r.pane) {
		r.pane = r.step(+1)
	}
	r.loadCoverage()
	return r
}

func (r *review) Title() string   { return r.sh.sess.a.Subject }
func (r *review) tab() view       { return viewReview }
func (r *review) Capturing() bool { return false }
func (r *review) KeyMap() keyMap  { return reviewKeyMap.keyMap() }

func (r *review) res() *assess.Result { return r.sh.sess.eval.Result }

// available hides panes with nothing to show: no risk register, no
// mapped controls, no recommendations.
func (r *review) available(p pane) bool {
	res := r.res()
	switch p {
	case paneRisks:
		return r.sh.sess.a.Questionnaire.RiskMatrix != nil
	case paneCoverage:
		return r.sh.deps.Catalog != nil && hasControls(r.sh.sess.a.Questionnaire)
	case paneRecommended:
		return len(r.sh.sess.a.Questionnaire.Recommends) > 0 || len(res.Recommendations) > 0
	}
	return true
}

func hasControls(q *assess.Questionnaire) bool {
	for _, qq := range q.Questions {
		for _, ids := range qq.Controls {
			if len(ids) > 0 {
				return true
			}
		}
	}
	return false
}

func (r *review) step(dir int) pane {
	p := r.pane
	for range panes {
		p = (p + pane(dir) + panes) % panes
		if r.available(p) {
			return p
		}
	}
	return r.pane
}

func (r *review) loadCoverage() {
	if r.sh.deps.Catalog == nil {
		return
	}
	f := assess.Frameworks[r.fw]
	r.coverage = assess.Coverage(r.sh.sess.a.Questionnaire, r.res(), r.sh.deps.Catalog, f)
}

func (r *review) Update(msg tea.Msg) (screen, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, nil
	}
	k := reviewKeyMap
	if r.move(km) {
		return r, nil
	}
	switch {
	case key.Matches(km, global.Back):
		if r.drill {
			r.drill = false
			return r, nil
		}
		return r, goHome
	case key.Matches(km, k.NextPane), key.Matches(km, k.PrevPane):
		dir := 1
		if key.Matches(km, k.PrevPane) {
			dir = -1
		}
		r.pane, r.scroll, r.nav, r.drill = r.step(dir), 0, listNav{}, false
	case key.Matches(km, k.Framework) && r.pane == paneCoverage:
		r.fw = (r.fw + 1) % len(assess.Frameworks)
		r.nav, r.scroll, r.drill = listNav{}, 0, false
		r.loadCoverage()
	case key.Matches(km, k.Phase) && r.pane == paneRisks:
		r.after = !r.after
	case key.Matches(km, k.WorstCase) && r.pane == paneScores:
		r.worstCase = !r.worstCase
	case key.Matches(km, k.Drill) && r.pane == paneCoverage:
		r.drill = len(r.coverage) > 0
	case key.Matches(km, k.Start) && r.pane == paneRecommended:
		return r.startRecommended()
	case key.Matches(km, k.SignOff) && r.sh.deps.Governance != nil:
		return newSignOff(r.sh)
	}
	return r, nil
}

// move scrolls a text pane or moves the cursor of a list pane by a nav
// key; it reports whether km was one.
func (r *review) move(km tea.KeyPressMsg) bool {
	switch {
	case r.pane == paneCoverage && !r.drill:
		return r.nav.key(km, len(r.coverage))
	case r.pane == paneRecommended:
		return r.nav.key(km, len(r.res().Recommendations))
	}
	var ok bool
	r.scroll, ok = scroll(km, r.scroll, r.page)
	return ok
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return min(max(v, lo), hi)
}

// startRecommended opens the new-assessment form for a questionnaire the
// pre-screen recommends, for the same subject.
func (r *review) startRecommended() (screen, tea.Cmd) {
	recs := r.res().Recommendations
	if r.nav.cursor >= len(recs) {
		return r, nil
	}
	return newCreate(r.sh, recs[r.nav.cursor].Questionnaire, r.sh.sess.a.Subject)
}
