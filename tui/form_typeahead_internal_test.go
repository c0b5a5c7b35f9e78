package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// An analyst typing fast on a call presses enter and goes straight on
// with the next field's text. huh moved to the next field only when the
// message of the command enter returned came back, and a key typed before
// it went to the field just left: "Acme" typed after enter was "cme" in
// the next field and "A" in the one before, or lost. Here the keys are
// delivered in that worst order: every key typed after enter reaches the
// form before any message of enter's commands. Each lands in the field
// the person moved to, on every form: a plan item's milestone, a new
// assessment, the sign-off (whose comment is on a page of its own).
func TestKeysTypedAheadOfTheFieldChangeLandInTheNextField(t *testing.T) {
	t.Run("milestone", func(t *testing.T) {
		p := newPlan(typeAheadShell(t, typeAheadPayroll(t)))
		s, _ := p.Update(keyOf("M"))
		s = typeAhead(s, "Review DPA", "enter", "2026-05-01", "enter")
		if p.form != nil {
			t.Fatalf("the form did not complete; milestone %q, due %q", p.milestone, p.milestoneDue)
		}
		if p.milestone != "Review DPA" || p.milestoneDue != "2026-05-01" {
			t.Errorf("milestone %q due %q; want %q due %q", p.milestone, p.milestoneDue, "Review DPA", "2026-05-01")
		}
		_ = s
	})
	t.Run("new assessment", func(t *testing.T) {
		sh := typeAheadShell(t, typeAheadPayroll(t))
		allTypes, disagree := parsed(t, "all-types.yaml"), parsed(t, "disagree.yaml")
		sh.deps.Questionnaires = []*assess.Questionnaire{allTypes, disagree}
		s, _ := newCreate(sh, createFor{})
		c := s.(*create)
		typeAhead(s, "down", "enter", "Acme")
		if c.subject != "Acme" || c.questionnaire != disagree.ID {
			t.Errorf("subject %q for questionnaire %q; want %q for %q", c.subject, c.questionnaire, "Acme", disagree.ID)
		}
	})
	t.Run("sign-off", func(t *testing.T) {
		s, init := newSignOff(typeAheadShell(t, typeAheadPayroll(t)))
		for _, msg := range messagesOf(init) {
			s, _ = s.Update(msg)
		}
		so := s.(*signOff)
		decided := so.choice
		typeAhead(s, "enter", "Looks complete")
		// Its k moved the decision up, when it went to the field left.
		if so.comment != "Looks complete" || so.choice != decided {
			t.Errorf("comment %q, decision %q; want %q, %q", so.comment, so.choice, "Looks complete", decided)
		}
	})
}

// typeAhead presses each key of steps ("enter", "down" or text typed a
// key at a time) on s; the messages of every command a key returns reach
// s only once all the keys are pressed, as they do when a person types
// faster than the program answers (messagesOf: the form's own).
func typeAhead(s screen, steps ...string) screen {
	var later []tea.Cmd
	press := func(k tea.KeyPressMsg) {
		var cmd tea.Cmd
		s, cmd = s.Update(k)
		later = append(later, cmd)
	}
	for _, step := range steps {
		switch step {
		case "enter", "down", "up", "tab":
			press(map[string]tea.KeyPressMsg{"enter": {Code: tea.KeyEnter}, "down": {Code: tea.KeyDown},
				"up": {Code: tea.KeyUp}, "tab": {Code: tea.KeyTab}}[step])
		default:
			for _, r := range step {
				press(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
	for _, cmd := range later {
		for _, msg := range messagesOf(cmd) {
			s, _ = s.Update(msg)
		}
	}
	return s
}

func typeAheadPayroll(t *testing.T) *assess.Assessment {
	t.Helper()
	no := assess.Answer{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}, Source: assess.ByAnalyst, Reviewed: true}
	return &assess.Assessment{ID: 1, Subject: "Payroll", Questionnaire: parsed(t, "all-types.yaml"), AssessedOn: shortToday,
		Answers: assess.Answers{"mfa": no}}
}

func typeAheadShell(t *testing.T, a *assess.Assessment) *shell {
	t.Helper()
	d := Deps{Today: func() assess.Date { return shortToday }, Governance: explainsAll{}, Actor: "Dana Reyes"}
	sh := &shell{deps: d, st: newStyles(true), width: 80, height: 24, saves: &saver{}, sess: newSession(a, shortToday)}
	sh.sess.saves = sh.saves
	return sh
}
