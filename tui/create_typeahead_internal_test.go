package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// On a call the analyst names the vendor, presses enter and types the
// first answer straight away. While the store created the assessment the
// keys went to the form just submitted (a j or k moved its subject kind)
// and were lost: the interview opened on nothing answered. They are kept
// for the interview the new assessment opens on, as keys typed while an
// assessment opens are (TestKeysTypedWhileAnAssessmentOpensReachIt).
func TestKeysTypedWhileAnAssessmentIsCreatedReachIt(t *testing.T) {
	m, step, created := submittedNewAssessment(t)
	step(keyOf("1"))
	a := created()
	if _, ok := m.cur.(*interview); !ok {
		t.Fatalf("on %T, not the interview", m.cur)
	}
	if got, ok := a.Answers["mfa"]; !ok || len(got.Value.Choices) != 1 {
		t.Errorf("the answer typed while the assessment was created is not given: %+v", a.Answers)
	}
}

// submittedNewAssessment is the workspace with a new assessment of
// all-types.yaml submitted and the store creating it; step gives the
// model a message, and created has the store answer and the interview
// open, giving the assessment it shows.
func submittedNewAssessment(t *testing.T) (*Model, func(tea.Msg), func() *assess.Assessment) {
	t.Helper()
	allTypes := parsed(t, "all-types.yaml")
	m := New(Deps{Today: func() assess.Date { return shortToday }, Actor: "Dana Reyes",
		Questionnaires: []*assess.Questionnaire{allTypes}})
	step := func(msg tea.Msg) {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	step(listLoadedMsg{p: newPortfolio(nil, countOn(shortToday), true), request: m.cur.(*home).request})
	step(keyOf("n"))
	c, ok := m.cur.(*create)
	if !ok {
		t.Fatalf("n opened %T", m.cur)
	}
	for _, k := range []tea.KeyPressMsg{keyOf("enter"), keyOf("P"), keyOf("a"), keyOf("y"), keyOf("enter"), keyOf("enter")} {
		step(k)
	}
	if !c.sent {
		t.Fatalf("the form was not submitted:\n%s", c.View(80, 24))
	}
	created := func() *assess.Assessment {
		a := &assess.Assessment{ID: 1, Subject: "Pay", Questionnaire: allTypes, AssessedOn: shortToday, Answers: assess.Answers{}}
		step(createdMsg{a: a})
		step(assessmentLoadedMsg{a: a, open: viewInterview, req: m.sh.loads})
		if _, ok := m.cur.(*interview); !ok {
			t.Fatalf("on %T, not the interview", m.cur)
		}
		return m.sh.sess.a
	}
	return &m, step, created
}
