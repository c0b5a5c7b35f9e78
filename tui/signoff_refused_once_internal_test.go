package tui

import (
	"context"
	"errors"
	"reflect"
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
// TestCtrlCWhileExplainingOnTheReview: esc lost, the refusal up 30 s.
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

// everyMessageOf runs cmd and the commands it batches or sequences, and
// returns every message they make (messagesOf keeps the form's own).
func everyMessageOf(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if msg == nil {
		return nil
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, everyMessageOf(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}
