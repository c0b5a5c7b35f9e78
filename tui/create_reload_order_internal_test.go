package tui

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The questionnaire picked on the new-assessment form is the one the
// form shows, and the one created, whatever order the keys and the
// subject kind's reloads (one after every questionnaire moved to) reach
// the form in: a reload held back until after later keys, or delivered
// last to first, neither moves the pick nor leaves the list showing
// another. (Round 21 saw a form test create a pre-screen while the
// screen showed the vendor screen picked, and took it for this; it was
// the test pressing down once too often, past the last questionnaire,
// on a frame not yet drawn with the key before it. This holds the form
// to the promise either way.)
func TestNewAssessmentPickSurvivesReloadsInAnyOrder(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	orders := map[string]func(held []tea.Msg) []tea.Msg{
		"each reload after the next key": nil, // delivered as the keys go, one key late
		"every reload after every key":   func(held []tea.Msg) []tea.Msg { return held },
		"reloads last to first": func(held []tea.Msg) []tea.Msg {
			out := slices.Clone(held)
			slices.Reverse(out)
			return out
		},
	}
	for name, order := range orders {
		t.Run(name, func(t *testing.T) {
			d := Deps{Today: func() assess.Date { return shortToday }, Questionnaires: lib.All()}
			sh := &shell{deps: d, st: newStyles(true), width: 80, height: 24, saves: &saver{}}
			s, init := newCreate(sh, createFor{})
			c := s.(*create)
			var held []tea.Msg
			deliver := func(msgs []tea.Msg) {
				for _, m := range msgs {
					_, cmd := c.Update(m)
					held = append(held, messagesOf(cmd)...)
				}
			}
			deliver(messagesOf(init))
			held, pending := nil, held
			deliver(pending)

			want := "Vendor security screen"
			var late []tea.Msg
			for i := 0; !strings.Contains(pickedOnScreen(c), want); i++ {
				if i > 20 {
					t.Fatalf("%q never picked:\n%s", want, c.View(80, 24))
				}
				before := held
				held = nil
				deliver([]tea.Msg{tea.KeyPressMsg{Code: tea.KeyDown}})
				if order == nil {
					deliver(before) // the reload of the move before this key
				} else {
					late = append(late, before...)
				}
			}
			if order != nil {
				late = append(late, held...)
				held = nil
				deliver(order(late))
			}
			if got := pickedOnScreen(c); !strings.Contains(got, want) {
				t.Fatalf("after the reloads the form shows %q picked, not %q:\n%s", got, want, c.View(80, 24))
			}
			if c.questionnaire != "vendor-security-screen" {
				t.Fatalf("the form shows %q picked but holds %q", want, c.questionnaire)
			}
			// Enter on the list keeps the pick; what is submitted is it.
			// (The rest of the form is typed in other tests: here its
			// text field's blinking cursor would have the test wait on
			// a timer.)
			c.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
			if c.questionnaire != "vendor-security-screen" {
				t.Fatalf("enter on %q picked %q", want, c.questionnaire)
			}
			c.subject = "Acme"
			c.submit()
			if !strings.Contains(sh.saves.creating, "a new "+want) {
				t.Errorf("creating %s, but the form showed %q picked", sh.saves.creating, want)
			}
		})
	}
}

// pickedOnScreen is the questionnaire line under the form's cursor, as
// drawn.
func pickedOnScreen(c *create) string {
	for _, line := range strings.Split(c.View(80, 24), "\n") {
		if strings.Contains(line, "┃ > ") {
			return strings.TrimSpace(line)
		}
	}
	return ""
}

// isHuhMsg: the form's own messages (moving fields, reloading options);
// the rest (a cursor's blink) only animate.
func isHuhMsg(m tea.Msg) bool {
	return strings.HasPrefix(reflect.TypeOf(m).PkgPath(), "charm.land/huh/")
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

// messagesOf runs cmd and the commands it batches or sequences, and
// returns the form's own messages among those they make.
func messagesOf(cmd tea.Cmd) []tea.Msg {
	var own []tea.Msg
	for _, msg := range everyMessageOf(cmd) {
		if isHuhMsg(msg) {
			own = append(own, msg)
		}
	}
	return own
}
