package tui

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Accessible mode left waiting at the list overnight read the day only
// when it ran something: the listener heard "Payroll due today" and, past
// midnight, nothing said the day had changed; a signature begun before
// midnight and given after it was dated on the day before. It listens for
// the midnight tick as the full-screen workspace does (day.go) and says
// the new day then, or at the first line typed after it, before acting.
// The clock and midnight are the test's own: nothing waits for time.
func TestAccessibleModeSaysTheNewDayAtMidnight(t *testing.T) {
	ticks := midnightTicks(t)

	var mu sync.Mutex
	dueDay := shortToday
	today := dueDay
	setToday := func(d assess.Date) { mu.Lock(); today = d; mu.Unlock() }
	getToday := func() assess.Date { mu.Lock(); defer mu.Unlock(); return today }
	due := func(_ context.Context, on assess.Date) ([]assess.DueSubject, error) {
		state := assess.DueSoon
		if on.After(dueDay) {
			state = assess.DueOverdue
		}
		return []assess.DueSubject{{Subject: &assess.Subject{Name: "Payroll"}, State: state, Due: dueDay}}, nil
	}
	d := Deps{Repo: emptyRepo{}, Today: getToday, UntilTomorrow: func() time.Duration { return time.Hour }, Due: due, Actor: "Dana Reyes"}

	r, w := io.Pipe()
	defer w.Close()
	out := &AccessibleOutput{}
	done := make(chan error, 1)
	go func() { done <- RunAccessible(context.Background(), d, r, out) }()
	out.WaitFor(t, "Payroll due today", "Type an assessment's number")

	tomorrow := dueDay.AddDays(1)
	setToday(tomorrow)
	ticks <- time.Time{} // midnight, while the prompt waits
	out.WaitFor(t, "It is now "+tomorrow.String()+": deadlines are judged, and a change or signature is dated, on this day.")

	// A line typed past the next midnight, before its tick: the day is
	// said before the answer to the line.
	after := tomorrow.AddDays(1)
	setToday(after)
	io.WriteString(w, "x\n")
	out.WaitFor(t, "There is no assessment x in the list.")
	text := out.String()
	newDay := strings.Index(text, "It is now "+after.String())
	if newDay < 0 || newDay > strings.Index(text, "There is no assessment x") {
		t.Errorf("the day typed on, %s, is not said before the answer to the line:\n%s", after, text)
	}
	if strings.Count(text, "It is now "+tomorrow.String()) != 1 {
		t.Errorf("the new day %s is said more than once, or not at all:\n%s", tomorrow, text)
	}
	io.WriteString(w, "q\n")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
