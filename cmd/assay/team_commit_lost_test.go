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

// answerThroughARelay makes a vendor screen for Acme as ana, then gives
// its attestation answer with assay answer through a relay armed by cut,
// and returns what assay said, the assessment's ID and ana.
func answerThroughARelay(t *testing.T, cut func(*pgtest.Relay)) (procResult, string, *teamPerson) {
	t.Helper()
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	file := filepath.Join(ana.dir, "answers.yaml")
	if err := os.WriteFile(file, []byte("answers:\n  attestation: \"yes\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	relay := pgtest.NewRelay(t, ana.dsn)
	cut(relay)
	r := runProc(s.bin, ana.envTo(relay.DSN), "answer", id, "-f", file)
	return r, id, ana
}

func TestTeamAnswerLostAtTheCommitSaysHowToSeeWhetherItWasRecorded(t *testing.T) {
	r, id, ana := answerThroughARelay(t, (*pgtest.Relay).CutAtCommit)
	if r.code != 1 {
		t.Fatalf("assay answer lost at the commit: exit %d, want 1\n%s%s", r.code, r.stdout, r.errs)
	}
	for _, want := range []string{
		"was lost as this change was being committed",
		"so assay cannot tell whether the server recorded it",
		"assay history " + id + " shows whether it is there",
	} {
		if !strings.Contains(r.errs, want) {
			t.Errorf("assay answer lost at the commit does not say %q:\n%s", want, r.errs)
		}
	}
	for _, wrong := range []string{"nothing was recorded", "cannot reach", "EOF", "conn closed", ".s.PGSQL", ana.password} {
		if strings.Contains(r.stdout+r.errs, wrong) {
			t.Errorf("assay answer lost at the commit says %q:\n%s%s", wrong, r.stdout, r.errs)
		}
	}
	// The relay let the commit through: the server recorded it, as the
	// history shows.
	if out := ana.ok("history", id); !strings.Contains(out, "attestation") {
		t.Errorf("assay history %s does not show the answer the server committed:\n%s", id, out)
	}
}

func TestTeamAnswerLostBeforeItsCommitSaysNothingWasRecorded(t *testing.T) {
	r, id, ana := answerThroughARelay(t, (*pgtest.Relay).CutInsideWrite)
	if r.code != 1 {
		t.Fatalf("assay answer lost before its commit: exit %d, want 1\n%s%s", r.code, r.stdout, r.errs)
	}
	if !strings.Contains(r.errs, "nothing was recorded") {
		t.Errorf("assay answer lost before its commit does not say nothing was recorded:\n%s", r.errs)
	}
	for _, wrong := range []string{"cannot tell", "EOF", "conn closed", ".s.PGSQL", ana.password} {
		if strings.Contains(r.stdout+r.errs, wrong) {
			t.Errorf("assay answer lost before its commit says %q:\n%s%s", wrong, r.stdout, r.errs)
		}
	}
	if out := ana.ok("history", id); strings.Contains(out, "attestation") {
		t.Errorf("assay history %s shows an answer the server never committed:\n%s", id, out)
	}
}
