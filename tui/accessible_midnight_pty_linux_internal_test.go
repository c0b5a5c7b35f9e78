package tui

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/internal/ptytest"
	"golang.org/x/sys/unix"

	"github.com/assay-dev/assay/assess"
)

// The midnight notice, said while the person was typing at a prompt,
// came in the middle of their line: "AcmIt is now …", and what they
// typed next went on after it, with nothing saying what it was for. On
// a terminal whose echo accessible mode does itself, the notice now
// comes on a line of its own, and the prompt and what was typed at it
// are shown again under it; the line typed on from there is the answer.
// Run on a pseudo-terminal with its echo and line editing off, as
// cmd/assay leaves it, so that what the terminal shows is checked.
func TestAccessibleMidnightNoticeMidLineShowsThePromptAndTheLineAgain(t *testing.T) {
	ticks := make(chan time.Time)
	old := dayTimer
	dayTimer = func(time.Duration) (<-chan time.Time, func() bool) { return ticks, func() bool { return true } }
	t.Cleanup(func() { dayTimer = old })

	day := make(chan assess.Date, 1)
	day <- shortToday
	today := func() assess.Date { d := <-day; day <- d; return d }
	master, slave := openEchoOffPTY(t)
	d := Deps{Repo: emptyRepo{}, Today: today, UntilTomorrow: func() time.Duration { return time.Hour }, Actor: "Dana Reyes",
		BracketedPaste: true, EchoTyped: true}
	shown := &AccessibleOutput{}
	go io.Copy(shown, master) // ends when the master is closed
	done := make(chan error, 1)
	go func() { done <- RunAccessible(context.Background(), d, slave, slave) }()

	prompt := "Type an assessment's number to continue it, n for a new assessment, or q to quit:"
	shown.WaitFor(t, prompt)
	type_ := func(s string) {
		t.Helper()
		if _, err := master.WriteString(s); err != nil {
			t.Fatal(err)
		}
	}
	type_("Acm")
	shown.WaitFor(t, prompt+"\r\nAcm")

	tomorrow := shortToday.AddDays(1)
	<-day
	day <- tomorrow
	ticks <- time.Time{} // midnight, with "Acm" typed and no Enter
	notice := "It is now " + tomorrow.String() + ": deadlines are judged, and a change or signature is dated, on this day."
	want := prompt + "\r\nAcm\r\n" + notice + "\r\n" + prompt + "\r\nAcm"
	shown.WaitFor(t, want)
	// Typed on, the line is what was typed before and after the notice.
	type_("e\r")
	shown.WaitFor(t, want+"e\r\n")
	type_("q\r")
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("accessible mode did not end on q; the terminal shows:\n%q", shown.String())
	}
	text := shown.String()
	if strings.Contains(text, "Acm"+notice) || strings.Contains(text, "AcmIt is now") {
		t.Errorf("the notice came in the middle of the typed line:\n%q", text)
	}
	if !strings.Contains(text, "There is no assessment Acme in the list.") || strings.Count(text, "It is now") != 1 {
		t.Errorf("the line typed on was not answered as Acme, or the day was said other than once:\n%q", text)
	}
}

// With TERM=dumb accessible mode leaves the terminal as it is, its echo
// and line editing on (cmd/assay: no pastes marked, Deps.EchoTyped
// false): what was typed is the terminal's, shown by it and kept for the
// line. The notice arriving mid-line ran on from it ("AcmIt is now …");
// it is said on a line of its own, the prompt after it, and the line
// typed on is the whole of it.
func TestAccessibleMidnightNoticeMidLineOnADumbTerminalStartsALine(t *testing.T) {
	ticks := make(chan time.Time)
	old := dayTimer
	dayTimer = func(time.Duration) (<-chan time.Time, func() bool) { return ticks, func() bool { return true } }
	t.Cleanup(func() { dayTimer = old })

	day := make(chan assess.Date, 1)
	day <- shortToday
	today := func() assess.Date { d := <-day; day <- d; return d }
	master, slave := ptytest.Open(t) // as the terminal is: its echo on
	d := Deps{Repo: emptyRepo{}, Today: today, UntilTomorrow: func() time.Duration { return time.Hour }, Actor: "Dana Reyes"}
	shown := &AccessibleOutput{}
	go io.Copy(shown, master)
	done := make(chan error, 1)
	go func() { done <- RunAccessible(context.Background(), d, slave, slave) }()

	prompt := "Type an assessment's number to continue it, n for a new assessment, or q to quit:"
	shown.WaitFor(t, prompt)
	type_ := func(s string) {
		t.Helper()
		if _, err := master.WriteString(s); err != nil {
			t.Fatal(err)
		}
	}
	type_("Acm")
	shown.WaitFor(t, prompt+"\r\nAcm")
	tomorrow := shortToday.AddDays(1)
	<-day
	day <- tomorrow
	ticks <- time.Time{}
	notice := "It is now " + tomorrow.String() + ": deadlines are judged, and a change or signature is dated, on this day."
	shown.WaitFor(t, "Acm\r\n"+notice+"\r\n"+prompt+"\r\n")
	type_("e\r")
	shown.WaitFor(t, "There is no assessment Acme in the list.")
	type_("q\r")
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("accessible mode did not end on q; the terminal shows:\n%q", shown.String())
	}
	if text := shown.String(); strings.Contains(text, "AcmIt is now") || strings.Count(text, "It is now") != 1 {
		t.Errorf("the notice ran on from the typed line, or was said other than once:\n%q", text)
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
