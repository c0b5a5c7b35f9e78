package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// The plan and the review keep their cursor on the row the person chose
// when others' answers list the rows again: a row gone leaves the cursor
// on its neighbour, noted, and the first key that would act on it waits.
// That is state, and it changes in Update only: the root model tells the
// screen shown, and the review under the interview, as it takes another
// window's change in. Worked out while drawing, the note and the row a
// key acts on depended on whether the program drew between two messages,
// and a review under the interview was never drawn at all, so what went
// while the person was there went unsaid.

// followPayroll is Payroll with two findings, mfa (high, due first) and
// hosting (medium), as both the plan and the review list them.
func followPayroll(t *testing.T) *assess.Assessment {
	t.Helper()
	return &assess.Assessment{ID: 1, Subject: "Payroll", Questionnaire: parsed(t, "all-types.yaml"), AssessedOn: shortToday,
		Answers: assess.Answers{
			"mfa":     {QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}, Source: assess.ByAnalyst, Reviewed: true},
			"hosting": {QuestionID: "hosting", Value: assess.Value{Choices: []string{"us"}}, Source: assess.ByAnalyst, Reviewed: true},
		}}
}

// answeredElsewhere is a as another window saved it with question id
// answered choice by Sam Okafor.
func answeredElsewhere(a *assess.Assessment, id, choice string) *assess.Assessment {
	next := *a
	next.Answers = assess.Answers{}
	for k, v := range a.Answers {
		next.Answers[k] = v
	}
	next.Answers[id] = assess.Answer{QuestionID: id, Value: assess.Value{Choices: []string{choice}}, Source: assess.ByAnalyst,
		Reviewed: true, UpdatedBy: "Sam Okafor"}
	return &next
}

// followModel is the workspace opened on Payroll's view v.
func followModel(t *testing.T, v view) (*Model, func(tea.Msg)) {
	t.Helper()
	m := New(Deps{Repo: planDayRepo{savedOn: &[]assess.Date{}}, Today: func() assess.Date { return shortToday },
		Governance: explainsAll{}, Actor: "Dana Reyes"})
	step := func(msg tea.Msg) {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	step(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.sh.loads = 1
	step(assessmentLoadedMsg{a: followPayroll(t), open: v, req: 1})
	return &m, step
}

// onFindings shows the review's Findings pane.
func onFindings(t *testing.T, m *Model, step func(tea.Msg)) *review {
	t.Helper()
	r, ok := m.cur.(*review)
	if !ok {
		t.Fatalf("on %T, not the review", m.cur)
	}
	for range panes {
		if r.pane == paneFindings {
			return r
		}
		step(keyOf("l"))
	}
	t.Fatalf("the review never showed its Findings pane")
	return nil
}

// drawn is the workspace as drawn, its lines joined and its runs of
// spaces one: a note wraps where the width says.
func drawn(m *Model) string {
	return strings.Join(strings.Fields(ansi.Strip(m.View().Content)), " ")
}

// planState and reviewState are what decides what the next key does and what is said.
func planState(p *plan) string {
	return fmt.Sprintf("cursor %d on %q, gone %q, said %q", p.nav.cursor, p.at, p.gone, p.err)
}

func reviewState(r *review) string {
	return fmt.Sprintf("pane %d cursor %d on %+v, gone %q, said %q", r.pane, r.nav.cursor, r.at, r.gone, r.said)
}

func TestPlanFollowsAnotherWindowsChangeInUpdateNotInView(t *testing.T) {
	m, step := followModel(t, viewPlan)
	p, ok := m.cur.(*plan)
	if !ok {
		t.Fatalf("on %T, not the plan", m.cur)
	}
	if it, _ := p.selected(); it.Key() != "mfa" || len(p.items()) != 2 {
		t.Fatalf("the plan lists %d items with %q selected; want 2, mfa first", len(p.items()), it.Key())
	}
	step(refreshedMsg{a: answeredElsewhere(m.sh.sess.a, "mfa", "yes")})
	before := planState(p)
	want := `cursor 0 on "hosting", gone "mfa", said ""`
	if before != want {
		t.Errorf("after another window's change, before any drawing: %s; want %s", before, want)
	}
	view := drawn(m)
	if after := planState(p); after != before {
		t.Errorf("drawing changed the plan's state: %s before, %s after", before, after)
	}
	if !strings.Contains(view, "Plan item mfa, which was selected, is no longer in the plan (its answer changed): the cursor moved to hosting.") {
		t.Errorf("the plan does not say the item under the cursor went:\n%s", view)
	}
	if again := drawn(m); again != view {
		t.Errorf("drawn twice, the plan differs:\n%s\nthen\n%s", view, again)
	}
}

// A key straight after the change, with nothing drawn between: it is
// refused as the one that would act on the row the person had not seen
// selected, as it is when the plan was drawn first.
func TestPlanKeyStraightAfterAnotherWindowsChangeWaits(t *testing.T) {
	m, step := followModel(t, viewPlan)
	p := m.cur.(*plan)
	step(refreshedMsg{a: answeredElsewhere(m.sh.sess.a, "mfa", "yes")})
	step(keyOf("s"))
	if !strings.HasPrefix(p.err, "s did nothing: plan item mfa, which was selected, is no longer in the plan") {
		t.Errorf("s straight after the change said %q", p.err)
	}
	if st := m.sh.sess.a.PlanEdits["hosting"].Status; st != "" {
		t.Errorf("s changed hosting, the item the person had not seen selected, to %q", st)
	}
}

func TestReviewFollowsAnotherWindowsChangeInUpdateNotInView(t *testing.T) {
	m, step := followModel(t, viewReview)
	r := onFindings(t, m, step)
	if r.at.key != "mfa" {
		t.Fatalf("the review's cursor is on %+v; want mfa", r.at)
	}
	step(refreshedMsg{a: answeredElsewhere(m.sh.sess.a, "mfa", "yes")})
	before := reviewState(r)
	want := fmt.Sprintf(`pane %d cursor 0 on {pane:%d key:hosting name:hosting}, gone "finding mfa, which was selected, is no longer a finding (its answer changed)", said ""`,
		paneFindings, paneFindings)
	if before != want {
		t.Errorf("after another window's change, before any drawing: %s; want %s", before, want)
	}
	view := drawn(m)
	if after := reviewState(r); after != before {
		t.Errorf("drawing changed the review's state: %s before, %s after", before, after)
	}
	if !strings.Contains(view, "Finding mfa, which was selected, is no longer a finding (its answer changed): the cursor moved to hosting.") {
		t.Errorf("the review does not say the finding under the cursor went:\n%s", view)
	}
	step(keyOf("enter"))
	if _, on := m.cur.(*review); !on || !strings.HasPrefix(r.said, "enter did nothing: finding mfa") {
		t.Errorf("enter straight after the change went to %T, saying %q", m.cur, r.said)
	}
}

// A finding another window's answer took away while the person was in
// the interview the review opened is said when they come back to it: they
// did not do it, and the cursor is on a finding they had not chosen.
func TestReviewSaysAFindingGoneElsewhereWhileInTheInterview(t *testing.T) {
	m, step := followModel(t, viewReview)
	r := onFindings(t, m, step)
	step(keyOf("enter"))
	if _, on := m.cur.(*interview); !on {
		t.Fatalf("enter on the finding opened %T, not its question", m.cur)
	}
	step(refreshedMsg{a: answeredElsewhere(m.sh.sess.a, "mfa", "yes")})
	step(keyOf("esc"))
	if m.cur != screen(r) {
		t.Fatalf("esc went to %T, not the review", m.cur)
	}
	view := drawn(m)
	if !strings.Contains(view, "Finding mfa, which was selected, is no longer a finding (its answer changed): the cursor moved to hosting.") {
		t.Errorf("back on the review, the finding gone elsewhere is not said:\n%s", view)
	}
}

// The finding the person's own answer took away is not news: back on the
// review, nothing is said, and enter opens the question of the finding
// now selected. (A guard: so it was before the review followed in Update.)
func TestReviewSaysNothingOfAFindingTheirOwnAnswerTookAway(t *testing.T) {
	m, step := followModel(t, viewReview)
	r := onFindings(t, m, step)
	step(keyOf("enter"))
	iv, on := m.cur.(*interview)
	if !on || iv.q().ID != "mfa" {
		t.Fatalf("enter on the finding opened %T, not the mfa question", m.cur)
	}
	step(keyOf("1")) // yes
	if got := m.sh.sess.a.Answers["mfa"].Value.Choices; len(got) != 1 || got[0] != "yes" {
		t.Fatalf("1 on mfa answered %v, not yes", got)
	}
	for _, k := range []string{"esc", "esc"} {
		if _, back := m.cur.(*review); !back {
			step(keyOf(k))
		}
	}
	if m.cur != screen(r) {
		t.Fatalf("esc went to %T, not the review", m.cur)
	}
	if view := drawn(m); strings.Contains(view, "no longer a finding") || r.gone != "" {
		t.Errorf("the person's own answer is said as a finding gone (%q):\n%s", r.gone, view)
	}
	if r.at.key != "hosting" {
		t.Errorf("the cursor is on %+v; want hosting, the finding in mfa's row", r.at)
	}
}
