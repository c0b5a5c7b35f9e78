package tui

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// A refused sign-off shows why until a key is pressed. Its form stays
// completed under the refusal, and every message that reached the screen
// after it (the cursor's blink, the form's own late messages, a resize
// while the reviewer reads) signed again: "Signing…" came back, a key
// pressed meanwhile was dropped (the screen ignores keys while signing),
// and the refusal came back and stayed after esc. Seen as a flaky
// TestCtrlCWhileExplainingOnTheReview: esc lost, the refusal up 30 s
// (the first refusal there was "still being saved", which the signing
// again hid; TestASignOffWaitsForTheAnswersBeingWritten).
// Here every late message is delivered after the refusal: the store is
// asked once, the refusal stays, and esc goes back to the review.
func TestARefusedSignOffIsNotSignedAgainByLaterMessages(t *testing.T) {
	sh := typeAheadShell(t, typeAheadPayroll(t))
	gov := &refusingGovernance{}
	sh.deps.Governance = gov
	s, init := newSignOff(sh)
	for _, msg := range messagesOf(init) {
		s, _ = s.Update(msg)
	}
	s, _ = s.Update(keyOf("enter")) // the decision: submit
	s, signing := s.Update(keyOf("enter"))
	so := s.(*signOff)
	if !so.signing {
		t.Fatalf("enter on the comment did not sign:\n%s", so.View(80, 24))
	}
	var late []tea.Msg
	for _, msg := range everyMessageOf(signing) {
		if sm, ok := msg.(signedMsg); ok {
			s, _ = s.Update(sm)
		} else {
			late = append(late, msg)
		}
	}
	if so.failed == "" || gov.asked != 1 {
		t.Fatalf("after the store's refusal: failed %q, store asked %d times", so.failed, gov.asked)
	}
	// The key line says what the refusal's own line says.
	if keys := so.KeyMap().short; len(keys) != 1 || keys[0].Help().Desc != "back to the review" {
		t.Errorf("under the refusal the key line offers %+v", keys)
	}
	late = append(late, tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, msg := range late {
		var cmd tea.Cmd
		s, cmd = s.Update(msg)
		everyMessageOf(cmd) // a sign command, if one came, asks the store
		if so.signing || gov.asked != 1 {
			t.Fatalf("%T after the refusal signed again (signing %v, store asked %d times)", msg, so.signing, gov.asked)
		}
	}
	if s, _ = s.Update(keyOf("esc")); reflect.TypeOf(s) != reflect.TypeOf(&review{}) {
		t.Errorf("esc on the refusal shows %T, not the review", s)
	}
}

// refusingGovernance refuses every decision, counting how often it was
// asked.
type refusingGovernance struct {
	explainsAll
	asked int
}

func (g *refusingGovernance) Review(context.Context, int64, assess.Action, assess.Date, string, ...assess.ReviewOption) (*assess.Assessment, error) {
	g.asked++
	return nil, errors.New("cannot submit assessment 1: answers disagree")
}

// A reviewer who answers and signs straight away, faster than the store
// writes the answer (a team database across the country, a loaded
// machine), was refused: "answers are still being saved; try again in a
// moment". The sign-off waits for the writes queued before it instead,
// and then signs what was typed.
func TestASignOffWaitsForTheAnswersBeingWritten(t *testing.T) {
	sh := typeAheadShell(t, typeAheadPayroll(t))
	gov := &signsAll{a: *sh.sess.a}
	sh.deps.Governance = gov
	sh.saves.enqueue(saveOp{key: "mfa", what: "the answer to mfa", where: "#1 Payroll",
		run: func(context.Context, assess.Repository) error { return nil }})
	write := sh.saves.start(sh.deps) // on its way: its savedMsg not yet back
	s, init := newSignOff(sh)
	for _, msg := range messagesOf(init) {
		s, _ = s.Update(msg)
	}
	s, _ = s.Update(keyOf("enter"))
	s, signing := s.Update(keyOf("enter"))
	for _, msg := range everyMessageOf(signing) {
		if sm, ok := msg.(signedMsg); ok {
			t.Fatalf("signed before the answer was written: %v", sm.err)
		}
	}
	if gov.asked != 0 || !sh.saves.pending() {
		t.Fatalf("the store was asked to sign %d times with the answer on its way", gov.asked)
	}
	// Left at once (ctrl+c twice), it says the sign-off was not made.
	if said := strings.Join(sh.saves.unsaved(), "\n"); !strings.Contains(said, "the sign-off (Submit for review): not signed") {
		t.Errorf("leaving now would say:\n%s", said)
	}
	var saved savedMsg
	for _, msg := range everyMessageOf(write) {
		saved, _ = msg.(savedMsg)
	}
	sh.saves.done(saved)
	var signed []tea.Msg
	for _, msg := range everyMessageOf(sh.saves.releaseReads()) {
		if sm, ok := msg.(signedMsg); ok {
			signed = append(signed, sm)
			s, _ = s.Update(sm)
		}
	}
	if gov.asked != 1 || len(signed) != 1 {
		t.Fatalf("once the answer was written: the store asked %d times, %d outcomes", gov.asked, len(signed))
	}
	if _, ok := s.(*review); !ok {
		t.Errorf("after signing the screen is %T:\n%s", s, s.View(80, 24))
	}
}

// signsAll records every decision, counting them.
type signsAll struct {
	explainsAll
	a     assess.Assessment // what is signed
	asked int
}

func (g *signsAll) Review(context.Context, int64, assess.Action, assess.Date, string, ...assess.ReviewOption) (*assess.Assessment, error) {
	g.asked++
	signed := g.a
	signed.Status = assess.InReview
	return &signed, nil
}
