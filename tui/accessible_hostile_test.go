package tui_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// lines joins typed lines as a person types them, each ended by Enter.
func lines(typed ...string) string { return strings.Join(typed, "\n") + "\n" }

// Enter alone at a menu was said as "There is no choice ;", the empty
// answer read out as nothing between "choice" and the semicolon; a menu
// of one decision asked for "a number from 1 to 1".
func TestAccessibleEmptyEnterAtAMenuSaysNothingWasTyped(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	typed := []string{"", "1"} // Enter alone at the list first
	for range 33 {
		typed = append(typed, "2") // every question answered, every control a finding
	}
	typed = append(typed,
		"",           // the assessment's choices
		"2", "", "b", // the plan
		"4", "", "b", // the report's format
		"3", "", "b", // the sign-off: one decision, submit
		"q")
	text := e.accessible(lines(typed...))
	for _, bad := range []string{"no choice ;", "no item  in", "no format ;", "no decision ;", "from 1 to 1,", "no assessment  in"} {
		if strings.Contains(text, bad) {
			t.Errorf("accessible output says %q:\n%s", bad, text)
		}
	}
	for _, want := range []string{
		"Nothing was typed; type an assessment's number, n or q.",
		"Nothing was typed; type a number from 1 to 5, b or q.",
		"Nothing was typed; type a number from 1 to 32.", // the plan: data-sensitivity makes no finding
		"Nothing was typed; type a number from 1 to 4, or b.",
		"Nothing was typed; type 1, or b.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
}

// At "There is already a file", anything but y went back to the file
// name in silence: "yes" or "Y" wrote nothing and said nothing, and the
// next thing typed (here 4, meant as the menu's choice) became a file
// name and was written. Now n or Enter says the file is kept, and
// anything else is asked again.
func TestAccessibleOverwriteAnswerIsNeverGuessed(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	path := filepath.Join(e.dir, "kept.md")
	if err := os.WriteFile(path, []byte("the committee's copy\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	text := e.accessible(lines("1", "b", "4", "1", path, "yes", "n", "b", "b", "q"))
	for _, want := range []string{
		"There is already a file at " + path + ". Type y to write over it, or n or Enter alone to choose another name:",
		"Type y to write over it, or n.",
		"Not written: " + path + " is kept as it was.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if got, _ := os.ReadFile(path); string(got) != "the committee's copy\n" {
		t.Errorf("the file was written over: %.80q", got)
	}
	if n := strings.Count(text, "There is already a file at"); n != 2 {
		t.Errorf("the question was asked %d times; want twice (yes is asked again):\n%s", n, text)
	}
}

// With four_eyes set, the person who submitted an assessment was offered
// Approve and Reject, and told of the rule only once they chose one. The
// decisions read out are now those they may take, and why Approve and
// Reject are not among them is said before them.
func TestAccessibleFourEyesOffersTheSubmitterNoApproval(t *testing.T) {
	e := newEnv(t)
	e.db.FourEyes = true
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	typed := []string{"1"}
	for range 33 {
		typed = append(typed, "2")
	}
	typed = append(typed, "3", "1", "", // submitted by Dana Reyes
		"3", "2", "b", "q") // Dana Reyes again: 2 is no decision of hers
	d := e.deps()
	d.FourEyes = true
	text := accessibleWith(t, d, lines(typed...))
	after := text[strings.LastIndex(text, "Sign-off of assessment"):]
	want := "Approve and Reject are not offered: you submitted it for review on " + testToday.String() +
		"; another approver decides (four eyes), or withdraw it to draft.\nDecisions: 1 Withdraw to draft.\n"
	if !strings.Contains(after, want) {
		t.Errorf("the second sign-off does not say %q:\n%s", want, after)
	}
	if !strings.Contains(after, "There is no decision 2; type 1, or b.") || strings.Contains(after, "Comment for the signature") {
		t.Errorf("2 was taken, or a comment asked for:\n%s", after)
	}
	if got := e.load(a.ID); got.Status != assess.InReview || len(got.SignOffs) != 1 {
		t.Errorf("state %s with %d signatures; want in review, signed once", got.Status, len(got.SignOffs))
	}
}

// accessibleWith runs accessible mode on d and the typed lines in.
func accessibleWith(t *testing.T, d tui.Deps, in string) string {
	t.Helper()
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// A line the input ended in the middle of (typed, then Ctrl-D twice
// instead of Enter, or a pipe closed mid-line) was taken as typed and
// saved: here the owner "Sam Or", half a name. It is now left unused,
// and said to be.
func TestAccessibleHalfTypedLastLineIsNotSaved(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	typed := []string{"1"}
	for range 33 {
		typed = append(typed, "2")
	}
	typed = append(typed, "2", "1", "1") // the plan, its first item, its owner
	text := e.accessible(lines(typed...) + "Sam Or")
	if want := "The input ended in the middle of a line, before Enter: nothing of it was used."; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	ev := assess.Evaluate(e.load(a.ID), testToday)
	for _, it := range ev.Plan {
		if it.Owner != "" {
			t.Errorf("item %s has the owner %q, typed without Enter", it.Key(), it.Owner)
		}
	}
}

// A file name typed with an escape sequence and a bidi override was
// written under that name, and the confirmation read out the name
// cleaned ("x.md"), a file that is not there. Such a name is now
// refused, as the domain refuses it in a name, and nothing is written.
func TestAccessibleExportRefusesAFileNameWithControls(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	typed := filepath.Join(e.dir, "\x1b[31mx\u202e.md")
	text := e.accessible(lines("1", "b", "4", "1", typed, "b", "b", "q"))
	if want := "Not written: the file name holds an escape sequence (ESC) at character"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "Written:") || strings.Contains(text, "\x1b") {
		t.Errorf("the name was written, or its escape sequence echoed:\n%q", text)
	}
	entries, _ := os.ReadDir(e.dir)
	for _, f := range entries {
		if strings.HasSuffix(f.Name(), ".md") {
			t.Errorf("written: %q", f.Name())
		}
	}
}

// Enter alone at a risk acceptance's reason, when it has none, went on
// to ask the expiry, and only then said "accepting a risk needs reason":
// three answers asked for one refusal. The reason the domain requires
// (assess.Blank) is now refused where it is typed, and the expiry is
// not asked.
func TestAccessibleAcceptanceWithoutReasonIsRefusedAtOnce(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	typed := []string{"1"}
	for range 33 {
		typed = append(typed, "2")
	}
	typed = append(typed, "2", "1", "5", "", "  ", "b", "b", "q") // accept the risk, approver kept, no reason
	text := e.accessible(lines(typed...))
	if want := "Not saved: a risk is accepted with a reason; nothing was accepted."; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "Expires:") {
		t.Errorf("the expiry was asked after an empty reason:\n%s", text)
	}
	for _, it := range assess.Evaluate(e.load(a.ID), testToday).Plan {
		if it.Acceptance != nil {
			t.Errorf("item %s has an acceptance", it.Key())
		}
	}
}

// With one milestone, marking one done asked for "the number of the
// milestone done, from 1 to 1", and a mistyped one for "a number from 1
// to 1".
func TestAccessibleOneMilestoneIsAskedForAsOne(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	typed := []string{"1"}
	for range 33 {
		typed = append(typed, "2")
	}
	typed = append(typed, "2", "1", "6", "Enforce MFA for admins", "", "7", "x", "7", "1", "b", "b", "q")
	text := e.accessible(lines(typed...))
	for _, want := range []string{
		"Type 1 for the milestone done, or press Enter alone to mark none:",
		"Not saved: there is no milestone x; type 1.",
		"Milestone 1 of 1: Enforce MFA for admins, done.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "from 1 to 1") {
		t.Errorf("accessible output asks for a number from 1 to 1:\n%s", text)
	}
}
