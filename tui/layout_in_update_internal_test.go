package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The plan's and the review's scroll and page offsets were set while
// drawing: View fitted the window to the cursor and took the page a page
// key moves by from the room it drew in. bubbletea may call View any
// number of times, or not between two messages, so what a key did
// depended on whether the program drew before it: pgdn straight after
// the terminal was resized moved by the page of the old size (by one row
// before the first drawing). The offsets are now worked out in Update,
// after every message, for the room the screen has; View only draws.

// gappyVendor is a vendor security screen answered with its worst option
// everywhere: more plan items, controls and findings than a screen shows.
func gappyVendor(t *testing.T) *assess.Assessment {
	return worstAnswered(t, "vendor-security-screen", "Gappy Vendor Ltd")
}

// worstAnswered is built-in questionnaire id answered with its worst
// option on every control and single choice, assessment 1 of subject.
func worstAnswered(t *testing.T, id, subject string) *assess.Assessment {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get(id)
	a := &assess.Assessment{ID: 1, Subject: subject, Questionnaire: q, AssessedOn: shortToday, Answers: assess.Answers{}}
	for _, qq := range q.Questions {
		var v assess.Value
		switch qq.Type {
		case assess.TypeControl:
			v = assess.Value{Choices: []string{"no"}}
		case assess.TypeSingle:
			v = assess.Value{Choices: []string{qq.Options[len(qq.Options)-1].Value}}
		default:
			continue
		}
		a.Answers[qq.ID] = assess.Answer{QuestionID: qq.ID, Value: v, Source: assess.ByAnalyst, Reviewed: true}
	}
	return a
}

// gappyModel is the workspace opened on the gappy vendor's view v, at
// 100×40, never drawn.
func gappyModel(t *testing.T, v view) (*Model, func(tea.Msg)) {
	return modelOpenedOn(t, gappyVendor(t), v)
}

// modelOpenedOn is the workspace opened on a's view v, at 100×40, never
// drawn, with the step that feeds it a message.
func modelOpenedOn(t *testing.T, a *assess.Assessment, v view) (*Model, func(tea.Msg)) {
	t.Helper()
	m := New(Deps{Repo: planDayRepo{savedOn: &[]assess.Date{}}, Today: func() assess.Date { return shortToday },
		Catalog: questionnaires.Catalog(), Actor: "Dana Reyes"})
	step := func(msg tea.Msg) {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	step(tea.WindowSizeMsg{Width: 100, Height: 40})
	m.sh.loads = 1
	step(assessmentLoadedMsg{a: a, open: v, req: 1})
	return &m, step
}

func pressed(code rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code} }

var (
	pgDown = pressed(tea.KeyPgDown)
	pgUp   = pressed(tea.KeyPgUp)
	resize = func(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }
)

// openedOn opens the gappy vendor's view v (gappyModel).
func openedOn(v view) func(*testing.T) (*Model, func(tea.Msg)) {
	return func(t *testing.T) (*Model, func(tea.Msg)) { return gappyModel(t, v) }
}

// sameWhetherDrawnOrNot sends msgs to two workspaces opened alike, one
// drawn after every message (twice: drawing must not change what it
// draws) and one never drawn, and compares what state says of each
// screen after every message: drawing must change none of it.
func sameWhetherDrawnOrNot(t *testing.T, open func(*testing.T) (*Model, func(tea.Msg)), state func(screen) string, msgs ...tea.Msg) {
	t.Helper()
	drawnM, drawnStep := open(t)
	bareM, bareStep := open(t)
	seen := map[string]bool{}
	for i, msg := range msgs {
		drawnStep(msg)
		bareStep(msg)
		before := state(drawnM.cur)
		view := drawn(drawnM)
		if after := state(drawnM.cur); after != before {
			t.Errorf("message %d (%T %v): drawing changed the screen's state: %s before, %s after", i, msg, msg, before, after)
		}
		if again := drawn(drawnM); again != view {
			t.Errorf("message %d (%T %v): drawn twice, the screen differs:\n%s\nthen\n%s", i, msg, msg, view, again)
		}
		if drawnS, bareS := state(drawnM.cur), state(bareM.cur); drawnS != bareS {
			t.Errorf("message %d (%T %v): drawn after every message the screen is %s; never drawn, %s", i, msg, msg, drawnS, bareS)
		}
		seen[state(drawnM.cur)] = true
	}
	// Not a test of nothing: the keys and sizes moved the screen about.
	if len(seen) < len(msgs)/2 {
		t.Errorf("%d messages left the screen in only %d states: %v", len(msgs), len(seen), seen)
	}
}

func planLayout(s screen) string {
	p, ok := s.(*plan)
	if !ok {
		return fmt.Sprintf("on %T", s)
	}
	return fmt.Sprintf("cursor %d, first row shown %d, page %d", p.nav.cursor, p.nav.top, p.nav.page)
}

func reviewLayout(s screen) string {
	r, ok := s.(*review)
	if !ok {
		return fmt.Sprintf("on %T", s)
	}
	return fmt.Sprintf("pane %d, scrolled to %d, page %d, list %+v, drill %+v", r.pane, r.scroll, r.page, r.nav, r.drillNav)
}

func TestPlanPagesAndScrollsInUpdateNotInView(t *testing.T) {
	m, _ := gappyModel(t, viewPlan)
	if n := len(m.cur.(*plan).items()); n <= 24 {
		t.Fatalf("only %d plan items: the test needs more than a page at 40 lines", n)
	}
	sameWhetherDrawnOrNot(t, openedOn(viewPlan), planLayout,
		pgDown, pgDown, resize(100, 20), pgDown, keyOf("G"), resize(100, 40), pgUp, resize(60, 16), pgUp, keyOf("k"), keyOf("g"), pgDown)
}

func TestReviewPagesAndScrollsInUpdateNotInView(t *testing.T) {
	right := pressed(tea.KeyRight)
	if m, _ := gappyModel(t, viewReview); m.cur.(*review).available(paneRisks) {
		t.Fatal("the vendor's screen rates risks: the keys below go to another pane than they say")
	}
	sameWhetherDrawnOrNot(t, openedOn(viewReview), reviewLayout,
		// Scores, a text pane: scrolled by a page, then the terminal made smaller.
		pgDown, resize(100, 16), pgDown, resize(100, 40), keyOf("G"), pgUp,
		// Why, then Coverage (a vendor's screen rates no risks), a list:
		// paged, to its end, smaller.
		right, pgDown, right, pgDown, pgDown, resize(80, 20), pgDown, keyOf("G"), resize(100, 40), pgUp,
		// The drill-down under a control.
		keyOf("enter"), pgDown, resize(80, 14), pgDown, keyOf("esc"),
		// Findings, a list of rows opened under the cursor.
		right, pgDown, pgDown, resize(100, 18), pgDown, keyOf("G"), resize(120, 40), pgUp)
}

// longPortfolioModel is the workspace on a portfolio of 120 vendor
// screens, more than any terminal here shows, at 100×40, never drawn.
func longPortfolioModel(t *testing.T) (*Model, func(tea.Msg)) {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("vendor-security-screen")
	var items []*assess.Assessment
	for i := range 120 {
		items = append(items, &assess.Assessment{ID: int64(120 - i), Subject: fmt.Sprintf("Vendor %03d", 120-i), SubjectKind: "vendor",
			Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: shortToday, Status: assess.Draft})
	}
	m := New(Deps{Today: func() assess.Date { return shortToday }, Catalog: questionnaires.Catalog(), Actor: "Dana Reyes"})
	step := func(msg tea.Msg) {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	step(tea.WindowSizeMsg{Width: 100, Height: 40})
	step(listLoadedMsg{p: newPortfolio(items, countOn(shortToday), true), request: m.cur.(*home).request})
	return &m, step
}

func homeLayout(s screen) string {
	h, ok := s.(*home)
	if !ok {
		return fmt.Sprintf("on %T", s)
	}
	return fmt.Sprintf("cursor %d, first row shown %d, page %d", h.nav.cursor, h.nav.top, h.nav.page)
}

// The home list's window was fitted while drawing, as the plan's was:
// pgdn before the first drawing moved by one row, and after a resize, or
// after a line said above the list (a comparison marked, a filter typed)
// took a row from it, by the page of the room it had before.
func TestHomePagesInUpdateNotInView(t *testing.T) {
	sameWhetherDrawnOrNot(t, longPortfolioModel, homeLayout,
		pgDown, pgDown, resize(100, 20), pgDown, keyOf("G"), resize(100, 40), pgUp,
		// A comparison marked says so above the list, a row fewer.
		keyOf("c"), pgUp, resize(60, 16), pgDown, keyOf("c"), pgDown,
		// A filter typed: fewer rows match.
		keyOf("/"), keyOf("1"), keyOf("enter"), pgDown, keyOf("G"), resize(100, 30), pgUp, keyOf("k"), keyOf("g"), pgDown)
}

// riskPickerModel is the workspace on a DPIA answered with the worst
// option everywhere (more plan items than the picker shows), at 100×40,
// never drawn, with the plan items of its first risk being picked.
func riskPickerModel(t *testing.T) (*Model, func(tea.Msg)) {
	t.Helper()
	a := worstAnswered(t, "dpia", "Payroll")
	m, step := modelOpenedOn(t, a, viewInterview)
	iv, ok := m.cur.(*interview)
	if !ok {
		t.Fatalf("opened on %T, not the interview", m.cur)
	}
	// The way a person comes to the second risk: ] from section to
	// section until the risks show, esc out of a text question's field
	// where ] lands on one (a blank one opens typing), then →. A key that
	// stops taking the interview there fails the test here.
	for range a.Questionnaire.Sections {
		if iv.editing != editNone {
			step(keyOf("esc"))
		}
		if iv.q().Section.ID == "risks" {
			break
		}
		was := iv.q().ID
		step(keyOf("]"))
		if iv.q().ID == was {
			t.Fatalf("] did not leave question %s for the next section:\n%s", was, drawn(m))
		}
	}
	step(pressed(tea.KeyRight))
	if iv.q().ID != "risk-modification" {
		t.Fatalf("], then →, came to question %s, not the second risk:\n%s", iv.q().ID, drawn(m))
	}
	for _, k := range []string{"j", "j", "j", "j", "j", "enter"} {
		step(keyOf(k))
	}
	if iv.picker == nil {
		t.Fatalf("enter on the Plan items row opened no picker:\n%s", drawn(m))
	}
	if n := len(iv.picker.choices); n <= 12 {
		t.Fatalf("only %d plan items to pick: the test needs more than two of the picker's windows", n)
	}
	return m, step
}

func pickerLayout(s screen) string {
	iv, ok := s.(*interview)
	if !ok || iv.picker == nil {
		return fmt.Sprintf("on %T, no picker", s)
	}
	n := iv.picker.nav
	return fmt.Sprintf("cursor %d, first row shown %d, page %d", n.cursor, n.top, n.page)
}

// The risk's plan-item picker fitted its window while drawing: pgdn
// before the first drawing moved by one row, and the window stayed where
// it was until drawn.
func TestRiskPickerPagesInUpdateNotInView(t *testing.T) {
	sameWhetherDrawnOrNot(t, riskPickerModel, pickerLayout,
		pgDown, pgDown, resize(100, 20), pgDown, keyOf("G"), pgUp, keyOf("k"), resize(60, 16), pgUp, keyOf("j"), keyOf("g"), pgDown, keyOf("j"))
}
