package tui

import (
	"context"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// An analyst leaves the workspace open overnight on the plan of an
// assessment whose one item is due today. Past midnight the item is
// overdue: the plan's summary says so once the workspace wakes (the tick
// at midnight, or any key), as the report's day does, and a change saved
// after midnight is dated on the new day. It kept yesterday's judgement
// ("none overdue", beside "today" the new day) until restarted.
func TestAWorkspaceOpenOverMidnightJudgesThePlanOnTheNewDay(t *testing.T) {
	a := typeAheadPayroll(t)
	items := newSession(a, shortToday).eval.Plan
	if len(items) != 1 {
		t.Fatalf("the payroll assessment has %d plan items, want the one of mfa", len(items))
	}
	dueDay := items[0].Due
	today := dueDay
	var savedOn []assess.Date
	repo := planDayRepo{savedOn: &savedOn}
	m := New(Deps{Repo: repo, Today: func() assess.Date { return today }, Governance: explainsAll{}, Actor: "Dana Reyes"})
	step := func(msg tea.Msg) tea.Cmd {
		next, cmd := m.Update(msg)
		m = next.(Model)
		return cmd
	}
	step(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.sh.loads = 1
	step(assessmentLoadedMsg{a: a, open: viewPlan, req: 1})
	if _, ok := m.cur.(*plan); !ok {
		t.Fatalf("on %T, not the plan", m.cur)
	}
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "none overdue") {
		t.Fatalf("on its due day %s the item is counted overdue:\n%s", dueDay, v)
	}

	today = dueDay.AddDays(1) // past midnight
	step(dayTickMsg{})
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "1 overdue") || !strings.Contains(v, "today "+today.String()) {
		t.Fatalf("the day after %s the plan does not count its item overdue:\n%s", dueDay, v)
	}
	if it := m.sh.sess.eval.Plan[0]; !it.Overdue(today) || m.sh.sess.eval.Today != today {
		t.Errorf("the open assessment is judged on %s, not %s", m.sh.sess.eval.Today, today)
	}

	// A change made now is saved as made on the new day.
	allMessagesOf(step(keyOf("s")))
	if len(savedOn) != 1 || savedOn[0] != today {
		t.Errorf("the status changed on %s was saved as of %v", today, savedOn)
	}

	// The report, opened before midnight, is dated on the day it is
	// judged on, and so is its export.
	today = today.AddDays(1)
	step(tea.KeyPressMsg{Code: tea.KeyTab}) // the report
	r, ok := m.cur.(*reportView)
	if !ok {
		t.Fatalf("tab from the plan showed %T, not the report", m.cur)
	}
	if r.opts.Today != today {
		t.Fatalf("the report opened on %s is dated %s", today, r.opts.Today)
	}
	today = today.AddDays(1)
	step(dayTickMsg{})
	if r.opts.Today != today || m.sh.sess.eval.Today != today {
		t.Errorf("past midnight the report is dated %s, judged on %s; want %s", r.opts.Today, m.sh.sess.eval.Today, today)
	}
}

// The portfolio left open overnight: its reassessment reminder said a
// subject due today was "due today" the morning after, until restarted.
// At midnight it asks for the subjects due on the new day, and says the
// subject was due yesterday.
func TestThePortfolioOpenOverMidnightRemindsOnTheNewDay(t *testing.T) {
	dueDay := shortToday
	today := dueDay
	var askedOn []assess.Date
	due := func(_ context.Context, on assess.Date) ([]assess.DueSubject, error) {
		askedOn = append(askedOn, on)
		state := assess.DueSoon
		if on.After(dueDay) {
			state = assess.DueOverdue
		}
		return []assess.DueSubject{{Subject: &assess.Subject{Name: "Payroll"}, State: state, Due: dueDay}}, nil
	}
	m := New(Deps{Repo: emptyRepo{}, Today: func() assess.Date { return today }, Due: due, Actor: "Dana Reyes"})
	run := func(cmd tea.Cmd) {
		for _, msg := range allMessagesOf(cmd) {
			next, _ := m.Update(msg)
			m = next.(Model)
		}
	}
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = next.(Model)
	run(loadHome(m.sh.deps))
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "Payroll due today") {
		t.Fatalf("on its due day the reminder does not say so:\n%s", v)
	}

	today = dueDay.AddDays(1)
	next, cmd := m.Update(dayTickMsg{})
	m = next.(Model)
	run(cmd)
	if len(askedOn) != 2 || askedOn[1] != today {
		t.Fatalf("the reminders were asked for on %v; want %s after midnight", askedOn, today)
	}
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "Payroll was due "+dueDay.String()) {
		t.Fatalf("the day after, the reminder does not say the subject was due:\n%s", v)
	}
}

// emptyRepo is a portfolio of no assessments; anything else it is asked
// panics (nil Repository).
type emptyRepo struct{ assess.Repository }

func (emptyRepo) Assessments(context.Context, assess.Filter) ([]*assess.Assessment, error) {
	return nil, nil
}

// planDayRepo records the day each plan change is saved on.
type planDayRepo struct {
	assess.Repository
	savedOn *[]assess.Date
}

func (r planDayRepo) ChangePlanItem(_ context.Context, _ int64, key string, _ assess.PlanChange, today assess.Date) (assess.PlanEdit, bool, error) {
	*r.savedOn = append(*r.savedOn, today)
	return assess.PlanEdit{Key: key}, true, nil
}

// allMessagesOf runs cmd and the commands it batches or sequences, in
// order, to their messages (a tick among them would wait for its time:
// none is given here).
func allMessagesOf(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, allMessagesOf(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}
