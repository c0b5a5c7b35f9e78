package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// A command's write whose connection to the team database is lost says
// what became of it: lost once its commit was sent, that assay cannot
// tell whether the server recorded it and how to see (assay history ID);
// lost before, that nothing was recorded. Each exits 1. The relay
// (pgtest.Relay) cuts the connection at the chosen moment.

// lostWrite is a command's write made through the relay: the answer to
// attestation, or the owner of its plan item (attestation answered no
// first, so that the item is there). shows is what assay history
// --question attestation says of it once recorded.
type lostWrite struct {
	name  string
	args  func(id, file string) []string
	shows string
}

var lostWrites = []lostWrite{
	{name: "assay answer", args: func(id, file string) []string { return []string{"answer", id, "-f", file} }, shows: "No -> Yes"},
	{name: "assay plan --item", args: func(id, _ string) []string {
		return []string{"plan", id, "--item", "attestation", "--owner", "IT Ops"}
	}, shows: "IT Ops"},
}

// writeThroughARelay makes a vendor screen for Acme as ana, attestation
// answered no, then makes w through a relay armed by cut (the answer
// given is yes), and returns what assay said, the assessment's ID and
// ana.
func writeThroughARelay(t *testing.T, w lostWrite, cut func(*pgtest.Relay)) (procResult, string, *teamPerson) {
	t.Helper()
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	no := filepath.Join(ana.dir, "no.yaml")
	yes := filepath.Join(ana.dir, "yes.yaml")
	for file, answer := range map[string]string{no: "no", yes: "yes"} {
		if err := os.WriteFile(file, []byte("answers:\n  attestation: \""+answer+"\"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ana.ok("answer", id, "-f", no)
	relay := pgtest.NewRelay(t, ana.dsn)
	cut(relay)
	r := runProc(s.bin, ana.envTo(relay.DSN), w.args(id, yes)...)
	return r, id, ana
}

func TestTeamWriteLostAtTheCommitSaysHowToSeeWhetherItWasRecorded(t *testing.T) {
	for _, w := range lostWrites {
		t.Run(w.name, func(t *testing.T) {
			r, id, ana := writeThroughARelay(t, w, (*pgtest.Relay).CutAtCommit)
			if r.code != 1 {
				t.Fatalf("%s lost at the commit: exit %d, want 1\n%s%s", w.name, r.code, r.stdout, r.errs)
			}
			for _, want := range []string{
				"was lost as this change was being committed",
				"so assay cannot tell whether the server recorded it",
				"assay history " + id + " shows whether it is there",
			} {
				if !strings.Contains(r.errs, want) {
					t.Errorf("%s lost at the commit does not say %q:\n%s", w.name, want, r.errs)
				}
			}
			for _, wrong := range []string{"nothing was recorded", "cannot reach", "EOF", "conn closed", ".s.PGSQL", ana.password} {
				if strings.Contains(r.stdout+r.errs, wrong) {
					t.Errorf("%s lost at the commit says %q:\n%s%s", w.name, wrong, r.stdout, r.errs)
				}
			}
			// The relay let the commit through: the server recorded it,
			// as the history shows.
			if out := ana.ok("history", id, "--question", "attestation"); !strings.Contains(out, w.shows) {
				t.Errorf("assay history %s does not show the change the server committed (%q):\n%s", id, w.shows, out)
			}
		})
	}
}

func TestTeamWriteLostBeforeItsCommitSaysNothingWasRecorded(t *testing.T) {
	for _, w := range lostWrites {
		t.Run(w.name, func(t *testing.T) {
			r, id, ana := writeThroughARelay(t, w, (*pgtest.Relay).CutInsideWrite)
			if r.code != 1 {
				t.Fatalf("%s lost before its commit: exit %d, want 1\n%s%s", w.name, r.code, r.stdout, r.errs)
			}
			if !strings.Contains(r.errs, "nothing was recorded") {
				t.Errorf("%s lost before its commit does not say nothing was recorded:\n%s", w.name, r.errs)
			}
			for _, wrong := range []string{"cannot tell", "EOF", "conn closed", ".s.PGSQL", ana.password} {
				if strings.Contains(r.stdout+r.errs, wrong) {
					t.Errorf("%s lost before its commit says %q:\n%s%s", w.name, wrong, r.stdout, r.errs)
				}
			}
			if out := ana.ok("history", id, "--question", "attestation"); strings.Contains(out, w.shows) {
				t.Errorf("assay history %s shows a change the server never committed (%q):\n%s", id, w.shows, out)
			}
		})
	}
}
