//go:build linux

package main

import (
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/assay-dev/assay/internal/pgtest"
)

// deafRelay stands between assay and the test's server on a TCP port of
// its own (127.0.0.1, a port the system picks): it passes everything on
// until deaf is set, then accepts connections and passes nothing on in
// either direction, holding every connection open, as a server that
// accepts and never answers (a network gone silent, a server hung).
type deafRelay struct {
	deaf  atomic.Bool
	mu    sync.Mutex
	conns []net.Conn
}

// newDeafRelay starts a relay to dsn's server and returns the connection
// string through it; everything closes when t ends.
func newDeafRelay(t *testing.T, dsn string) (*deafRelay, string) {
	t.Helper()
	network, target, _ := pgtest.ServerAddr(t, dsn)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &deafRelay{}
	t.Cleanup(func() {
		ln.Close()
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, c := range r.conns {
			c.Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial(network, target)
			if err != nil {
				c.Close()
				continue
			}
			r.mu.Lock()
			r.conns = append(r.conns, c, s)
			r.mu.Unlock()
			go r.pass(s, c)
			go r.pass(c, s)
		}
	}()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	return r, pgtest.WithParams(t, dsn, "", map[string]string{"host": "127.0.0.1", "port": port, "sslmode": "disable"})
}

// pass copies what from says to to, dropping it while the relay is deaf.
func (r *deafRelay) pass(to, from net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := from.Read(buf)
		if n > 0 && !r.deaf.Load() {
			if _, werr := to.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			if err != io.EOF {
				to.Close()
			}
			return
		}
	}
}

// The built workspace, on a team server that accepts and never answers
// once the list is shown: ctrl+r reads the list again, and the read is
// given up after the write's deadline (shortened to a second in the
// binary built for the tests, ASSAY_TEST_WRITE_DEADLINE) and said above
// the list as last read, rather than the screen saying "refreshing…"
// for as long as the server stays silent.
func TestTheWorkspaceGivesUpAReadTheTeamServerNeverAnswers(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	relay, dsn := newDeafRelay(t, ana.dsn)
	env := withEnv(ana.envTo(dsn), writeDeadlineEnv, "1s")
	pane := startTmuxKept(t, assayStopBinary(t), env, 80, 24)
	pane.waitText("Acme Cloud Ltd", "1 of 1")
	relay.deaf.Store(true)
	pane.keys("C-r")
	flat := func(screen string) string { return strings.Join(strings.Fields(screen), " ") }
	said := "It shows the assessments as last read; ctrl+r reads it again."
	pane.waitFor("the read of the list said given up", func(screen string) bool { return strings.Contains(flat(screen), said) })
	screen := flat(pane.screen())
	if !strings.Contains(screen, "The list was not read again: no answer from the database within 1.25s") &&
		!strings.Contains(screen, "The list was not read again: the database did not answer within 1s") {
		t.Errorf("the read given up does not say the database did not answer within the deadline:\n%s", pane.screen())
	}
	if !strings.Contains(screen, "Acme Cloud Ltd") {
		t.Errorf("the list as last read is gone:\n%s", pane.screen())
	}
	// Nothing was changed, so nothing is left to say: q gives the
	// person their shell back at once, the server still silent.
	pane.keys("q")
	pane.endsWithin(leaveWithin, "assay to end at q with the server silent")
}

// The built workspace quits while an archiving waits on a team server
// that accepts and never answers: what assay says as it leaves names the
// archiving as not known to be recorded, with where to look, and never
// says it was not saved, which the server may yet have done.
func TestAWriteTheTeamServerNeverAnswersIsSaidNotKnownAsAssayLeaves(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	relay, dsn := newDeafRelay(t, ana.dsn)
	env := withEnv(ana.envTo(dsn), writeDeadlineEnv, "1s")
	pane := startTmuxKept(t, assayStopBinary(t), env, 240, 24) // each line of what is said on one row
	pane.waitText("Acme Cloud Ltd", "1 of 1")
	relay.deaf.Store(true)
	pane.keys("a")
	pane.keys("q")
	flat := func(screen string) string { return strings.Join(strings.Fields(screen), " ") }
	// The last line assay prints as it leaves, read from the pane's
	// history as well as its screen (the lines before may have scrolled
	// off it).
	said := ""
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(said, "change is not known to be saved"); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for what assay says as it leaves; it printed:\n%s", said)
		}
		said = pane.history(false)
	}
	screen := flat(said)
	for _, want := range []string{
		"#1 Acme Cloud Ltd: archiving it: not known whether it was archived:",
		"assay list --all shows whether it was",
		"1 change is not known to be saved",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("leaving, assay does not say %q:\n%s", want, said)
		}
	}
	if strings.Contains(screen, "not saved") {
		t.Errorf("leaving, assay says an archiving the server may have recorded was not saved:\n%s", said)
	}
	// Having said it, assay ends: the person gets their shell back, not
	// a process waiting on a server that will never answer.
	pane.endsWithin(leaveWithin, "assay to end after saying what is not known to be saved")
}

// leaveWithin is how long after leaving (its last line said, or q with
// nothing to say) assay may take to end: a hang detector, not a speed
// target. An exit takes milliseconds; pgx waits up to 5 s a connection
// for answers a silent server never sends, which is what it catches.
const leaveWithin = 3 * time.Second

// The built workspace, having saved an answer on a team server that then
// accepts and never answers, quits at q with nothing left unsaved: assay
// ends at once, not after waiting on the silent server to release what
// the saves had prepared on it.
func TestQuittingAfterASaveOnATeamServerGoneSilentEndsAtOnce(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	relay, dsn := newDeafRelay(t, ana.dsn)
	env := withEnv(ana.envTo(dsn), writeDeadlineEnv, "1s")
	pane := startTmuxKept(t, assayStopBinary(t), env, 80, 24)
	pane.waitText("Acme Cloud Ltd", "1 of 1")
	pane.keys("Enter")
	pane.waitText("question 1 of")
	pane.keys("1")
	pane.waitText("question 2 of", "saved ✓")
	relay.deaf.Store(true)
	pane.keys("q")
	pane.endsWithin(leaveWithin, "assay to end at q, its answer saved before the server went silent")
}
