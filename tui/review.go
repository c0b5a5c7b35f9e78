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
	nav    listNav // list panes: coverage, findings, risks and recommendations
	fw     int     // coverage: which framework
	drill  bool    // coverage: showing the questions behind the control under the cursor
	// drillNav is the question under the cursor in the drill-down.
	drillNav listNav
	after    bool // risks: the matrix after measures
	// worstCase shows the levels not rated yet at the worst case they
	// stand at, unanswered questions counted as the worst answer.
	worstCase bool
	coverage  []assess.ControlCoverage
	// coverageOf is the evaluation coverage was worked out from: another
	// one (others' answers read) works it out again.
	coverageOf *assess.Evaluation
	// explain is the field where why disagreeing answers both stand is
	// typed (explain_field.go, review_explain.go).
	explain explainField
	// at is the row under a list pane's cursor: the cursor stays on it
	// when others' answers list the rows again (review_gone.go).
	at reviewAt
	// gone says which row went from under the cursor, unseen until a key
	// moves the cursor or is refused; said is what the last key said.
	gone, said string
	// laidOutPane is the pane layOut drew, which View shows as it is;
	// panesDrawn counts the drawings, one a message (review_view.go).
	laidOutPane drawnPane
	panesDrawn  int
}

func newReview(sh *shell) *review {
	r := &review{sh: sh}
	if sh.sess.a.Questionnaire.Kind == assess.KindPrescreen {
		r.pane = paneRecommended // what a pre-screen is for
	}
	if !r.available(r.pane) {
		r.pane = r.step(+1)
	}
	r.loadCoverage()
	r.noteRow()
	return r
}

func (r *review) Title() string   { return r.sh.sess.where() }
func (r *review) tab() view       { return viewReview }
func (r *review) Capturing() bool { return r.explain.isOpen() }

func (r *review) KeyMap() keyMap {
	if r.explain.isOpen() {
		return explainKeys()
	}
	_, explain := r.disagreementHere()
	km := reviewKeyMap.keyMap(r.pane, r.drill, explain)
	if r.sh.deps.readOnly() != "" {
		// Starting a recommended questionnaire makes an assessment,
		// which a login that may not write is refused.
		return km.without(reviewKeyMap.Start)
	}
	return km
}

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
	case paneFindings:
		return r.sh.sess.a.Questionnaire.MakesFindings() || len(res.Findings) > 0
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
	r.coverageOf = r.sh.sess.eval
	if r.sh.deps.Catalog == nil {
		return
	}
	f := assess.Frameworks[r.fw]
	r.coverage = assess.Coverage(r.sh.sess.a.Questionnaire, r.res(), r.sh.deps.Catalog, f)
}

// Update handles a message with the cursor on its row: a key that moves
// the cursor, or shows another pane, chooses another row; any other
// leaves it on the one it was on (review_gone.go).
func (r *review) Update(msg tea.Msg) (screen, tea.Cmd) {
	r.follow(false)
	was, wasPane := r.nav.cursor, r.pane
	s, cmd := r.update(msg)
	if r.pane != wasPane {
		r.gone = "" // the note was about the list left
	}
	if r.nav.cursor != was || r.pane != wasPane {
		r.noteRow()
	}
	return s, cmd
}

func (r *review) update(msg tea.Msg) (screen, tea.Cmd) {
	if r.explain.isOpen() {
		return r, r.explain.update(r.sh, msg)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, nil
	}
	k := reviewKeyMap
	r.said = "" // what the last key said; this one says its own
	if r.move(km) {
		r.gone = "" // the person chose the row now under the cursor
		return r, nil
	}
	if r.refuseUnseen(km) {
		return r, nil
	}
	switch {
	case key.Matches(km, global.Back):
		if r.drill {
			r.drill = false
			return r, nil
		}
		return r.sh.goHome()
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
	case key.Matches(km, k.Drill) && r.pane == paneCoverage && !r.drill:
		r.drill, r.drillNav, r.scroll = len(r.coverage) > 0, listNav{}, 0
	case key.Matches(km, k.Open) && r.pane != paneRecommended:
		if id, ok := r.questionUnderCursor(); ok {
			return r.openQuestion(id)
		}
	case key.Matches(km, k.Start) && r.pane == paneRecommended:
		return r.startRecommended()
	case key.Matches(km, k.Explain):
		return r, r.startExplaining()
	case key.Matches(km, k.Trail) && r.sh.deps.History != nil:
		return r, r.sh.saves.afterWrites(loadTrail(r.sh.deps, r.sh.sess.a, r, ""))
	case key.Matches(km, k.SignOff) && r.sh.deps.Governance != nil:
		if why := nothingToSign(r.sh, r.sh.sess.a); why != "" {
			r.sh.deps.refusedForRole()
			r.sh.flash = why
			return r, nil
		}
		return newSignOff(r.sh)
	}
	return r, nil
}

// move moves the cursor of a list pane, or scrolls a text pane, by a nav
// key; it reports whether km was one.
func (r *review) move(km tea.KeyPressMsg) bool {
	if n, ok := r.listed(); ok {
		return r.cursorNav().key(km, n)
	}
	var ok bool
	r.scroll, ok = scroll(km, r.scroll, r.page)
	return ok
}

// listed is how many rows the pane under the cursor lists, if it is a list.
func (r *review) listed() (int, bool) {
	switch r.pane {
	case paneCoverage:
		if r.drill {
			return len(r.drilled().Questions), true
		}
		return len(r.coverage), true
	case paneFindings:
		return len(r.res().Findings), true
	case paneRisks:
		return len(r.res().Risks), true
	case paneRecommended:
		return len(r.recommended()), true
	}
	return 0, false
}

// cursorNav is the cursor the nav keys move: the drill-down's own while
// it shows, so that esc finds the control list as it was left.
func (r *review) cursorNav() *listNav {
	if r.pane == paneCoverage && r.drill {
		return &r.drillNav
	}
	return &r.nav
}

// drilled is the control under the coverage list's cursor.
func (r *review) drilled() assess.ControlCoverage {
	if len(r.coverage) == 0 {
		return assess.ControlCoverage{}
	}
	return r.coverage[clamp(r.nav.cursor, 0, len(r.coverage)-1)]
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return min(max(v, lo), hi)
}

// questionUnderCursor is the question behind the finding, risk or
// drilled-down question under the cursor.
func (r *review) questionUnderCursor() (string, bool) {
	res := r.res()
	switch {
	case r.pane == paneFindings && r.nav.cursor < len(res.Findings):
		return res.Findings[r.nav.cursor].QuestionID, true
	case r.pane == paneRisks && r.nav.cursor < len(res.Risks):
		return res.Risks[r.nav.cursor].QuestionID, true
	case r.pane == paneCoverage && r.drill:
		if qs := r.drilled().Questions; r.drillNav.cursor < len(qs) {
			return qs[r.drillNav.cursor].ID, true
		}
	}
	return "", false
}

// openQuestion shows a question in the interview; esc there comes back
// to this review as it was left.
func (r *review) openQuestion(id string) (screen, tea.Cmd) {
	qq, ok := r.sh.sess.a.Questionnaire.Question(id)
	if !ok {
		return r, nil
	}
	return newInterviewAt(r.sh, qq.Index, r)
}

// returned is the review shown again after the interview it opened:
// what was answered there may have changed every figure.
func (r *review) returned() *review {
	r.loadCoverage()
	if !r.available(r.pane) {
		r.pane, r.nav, r.drill = r.step(+1), listNav{}, false
	}
	// The cursors stay on what is still listed.
	r.drill = r.drill && len(r.coverage) > 0
	if r.drill {
		r.nav.cursor = clamp(r.nav.cursor, 0, len(r.coverage)-1)
	}
	if n, ok := r.listed(); ok {
		nav := r.cursorNav()
		nav.cursor = clamp(nav.cursor, 0, n-1)
	}
	// The rows were followed while the screen above showed (follow.go):
	// a row another window took away then is noted, and said now. Here
	// the cursor only settles on the pane and row just set: not news.
	r.follow(true)
	return r
}
