package main

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"
)

// One person archives an assessment in the workspace while another, on
// the command line, submits it, both on the team database. The test holds
// the assessment's row, as a third writer would, until both processes
// wait for it, in the order it chose; the server hands the row to the
// first, which wins, and the second reads what the first left: it is
// refused, saying why, and records nothing. Each order is tried.
func TestTeamArchiveRacingASubmissionOneWins(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	bo := s.person("bo", "analyst")

	t.Run("the workspace archives first", func(t *testing.T) {
		id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
		p := startTmuxAt(t, s.bin, bo.env, 80, 24)
		p.waitText("Acme Cloud Ltd")
		release := s.holdRow(t, id)
		p.keys("a")
		s.waitLockWaits(t, 1, ana, bo)
		submitted := make(chan procResult, 1)
		go func() { submitted <- ana.run("review", id, "--submit", "--comment", "For the committee") }()
		s.waitLockWaits(t, 2, ana, bo)
		release()
		r := <-submitted
		if want := "cannot submit assessment " + id + ": it is archived"; r.code != 1 || !strings.Contains(r.errs, want) {
			t.Errorf("the submission after the archive: exit %d, %q; want a refusal saying %q", r.code, r.errs, want)
		}
		p.waitSays("#" + id + " archived: A shows archived assessments, and a restores one")
		p.quit()
		if list := ana.ok("list", "--all"); !strings.Contains(list, "draft") || strings.Contains(list, "in-review") {
			t.Errorf("after the race:\n%s\nwant the draft, archived, and no submission", list)
		}
		if list := ana.ok("list"); strings.Contains(list, "Acme Cloud Ltd") {
			t.Errorf("the archived assessment is listed:\n%s", list)
		}
	})

	t.Run("the command line submits first", func(t *testing.T) {
		id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Globex", "--date", "2026-03-01"))
		p := startTmuxAt(t, s.bin, bo.env, 80, 24)
		p.waitText("Globex")
		release := s.holdRow(t, id)
		submitted := make(chan procResult, 1)
		go func() { submitted <- ana.run("review", id, "--submit", "--comment", "For the committee") }()
		s.waitLockWaits(t, 1, ana, bo)
		p.keys("a")
		s.waitLockWaits(t, 2, ana, bo)
		release()
		if r := <-submitted; r.code != 0 {
			t.Errorf("the submission: exit %d, %s", r.code, r.errs)
		}
		p.waitSays("cannot archive assessment " + id + ": it is in review, before the committee; withdraw it to draft first, then archive it")
		p.quit()
		if list := ana.ok("list"); !strings.Contains(list, "Globex") || !strings.Contains(list, "in-review") {
			t.Errorf("after the race:\n%s\nwant Globex listed, in review", list)
		}
	})
}

// holdRow locks assessment id's row on the server, as another writer
// in the middle of a change would, until the returned function commits.
func (s *teamServer) holdRow(t *testing.T, id string) (release func()) {
	t.Helper()
	tx, err := s.raw.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`SELECT id FROM assessments WHERE id = $1 FOR UPDATE`, id); err != nil {
		t.Fatal(err)
	}
	done := false
	release = func() {
		if !done {
			done = true
			if err := tx.Commit(); err != nil && err != sql.ErrTxDone {
				t.Error(err)
			}
		}
	}
	t.Cleanup(release)
	return release
}

// waitLockWaits waits until n sessions of the people's logins wait for a
// lock.
func (s *teamServer) waitLockWaits(t *testing.T, n int, people ...*teamPerson) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	logins := make([]string, len(people))
	for i, p := range people {
		logins[i] = p.login
	}
	for {
		var waiting int
		err := s.raw.QueryRow(`SELECT count(*) FROM pg_stat_activity
			WHERE wait_event_type = 'Lock' AND usename = ANY($1)`, logins).Scan(&waiting)
		if err != nil {
			t.Fatal(err)
		}
		if waiting >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for %d sessions waiting for a lock; %d are", n, waiting)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
