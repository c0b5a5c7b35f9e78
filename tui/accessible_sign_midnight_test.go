package tui_test

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// A signature begun in accessible mode before midnight ("You sign as
// Dana Reyes on 2026-03-31") and given after it, the comment typed past
// midnight, was dated on the day before, the day read when the sign-off
// began. Accessible mode says the new day when the comment comes in, and
// signs on it. The day is the test's own clock: nothing waits for time.
func TestAccessibleSignatureGivenAfterMidnightIsDatedOnTheNewDay(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	var mu sync.Mutex
	today := testToday
	d := e.deps()
	d.Today = func() assess.Date { mu.Lock(); defer mu.Unlock(); return today }

	r, w := io.Pipe()
	defer w.Close()
	var out tui.AccessibleOutput
	done := make(chan error, 1)
	go func() { done <- tui.RunAccessible(context.Background(), d, r, &out) }()
	io.WriteString(w, "1\nb\n3\n1\n") // the assessment, its choices, sign off, submit
	out.WaitFor(t, "You sign as Dana Reyes on "+testToday.String(), "Comment for the signature")

	next := testToday.AddDays(1)
	mu.Lock()
	today = next // midnight passes while the comment is typed
	mu.Unlock()
	io.WriteString(w, "Ready\nq\n")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"It is now " + next.String(), "Signed: submitted by Dana Reyes on " + next.String()} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if got := e.load(a.ID); len(got.SignOffs) != 1 || got.SignOffs[0].On != next {
		t.Errorf("the submission typed past midnight is recorded as %+v; want one dated %s", got.SignOffs, next)
	}
}
