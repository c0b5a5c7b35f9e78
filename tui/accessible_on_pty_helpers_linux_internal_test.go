package tui

import (
	"context"
	"io"
	"os"
	"testing"
	"time"

	"github.com/assay-dev/assay/internal/ptytest"
	"golang.org/x/sys/unix"

	"github.com/assay-dev/assay/assess"
)

// accessiblePrompt is accessible mode's prompt at the list.
const accessiblePrompt = "Type an assessment's number to continue it, n for a new assessment, or q to quit:"

// accessibleOnPTY is accessible mode running on a pseudo-terminal, with
// an empty portfolio, a day that is shortToday until the test's own
// midnight, and what the terminal shows.
type accessibleOnPTY struct {
	t      *testing.T
	master *os.File
	shown  *AccessibleOutput
	done   chan error
	ticks  chan<- time.Time
	day    chan assess.Date
}

// runAccessibleOnPTY runs accessible mode with d (its terminal's settings:
// pastes marked, typing echoed) on slave, master being the terminal's
// side, until it shows its prompt.
func runAccessibleOnPTY(t *testing.T, master, slave *os.File, d Deps) *accessibleOnPTY {
	t.Helper()
	r := &accessibleOnPTY{t: t, master: master, shown: &AccessibleOutput{}, done: make(chan error, 1), ticks: midnightTicks(t), day: make(chan assess.Date, 1)}
	r.day <- shortToday
	d.Repo, d.Actor = emptyRepo{}, "Dana Reyes"
	d.Today = func() assess.Date { day := <-r.day; r.day <- day; return day }
	d.UntilTomorrow = func() time.Duration { return time.Hour }
	go io.Copy(r.shown, master) // ends when the master is closed
	go func() { r.done <- RunAccessible(context.Background(), d, slave, slave) }()
	r.shown.WaitFor(t, accessiblePrompt)
	return r
}

// typeText types s on the terminal.
func (r *accessibleOnPTY) typeText(s string) {
	r.t.Helper()
	if _, err := r.master.WriteString(s); err != nil {
		r.t.Fatal(err)
	}
}

// midnight moves the day on by one and sends the midnight tick; it
// returns the notice accessible mode is to say.
func (r *accessibleOnPTY) midnight() (notice string) {
	tomorrow := (<-r.day).AddDays(1)
	r.day <- tomorrow
	r.ticks <- time.Time{}
	return "It is now " + tomorrow.String() + ": deadlines are judged, and a change or signature is dated, on this day."
}

// quit types q and waits for accessible mode to end without an error.
func (r *accessibleOnPTY) quit() {
	r.t.Helper()
	r.typeText("q\r")
	select {
	case err := <-r.done:
		if err != nil {
			r.t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		r.t.Fatalf("accessible mode did not end on q; the terminal shows:\n%q", r.shown.String())
	}
}

// openEchoOffPTY opens a pseudo-terminal whose slave side has its echo
// and line editing off, as cmd/assay leaves the terminal for accessible
// mode to echo itself (Deps.EchoTyped); master is the terminal's side.
func openEchoOffPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, slave = ptytest.Open(t)
	tio, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	tio.Lflag &^= unix.ECHO | unix.ECHONL | unix.ICANON | unix.IEXTEN
	tio.Iflag |= unix.ICRNL
	tio.Cc[unix.VMIN], tio.Cc[unix.VTIME] = 1, 0
	if err := unix.IoctlSetTermios(int(slave.Fd()), unix.TCSETS, tio); err != nil {
		t.Fatal(err)
	}
	return master, slave
}
